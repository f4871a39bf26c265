using Cmdb.Host.GraphQLHttp;
using Microsoft.Extensions.Primitives;

namespace Cmdb.Host.Tests.GraphQLHttp;

public sealed class MediaTypesTests
{
    [Theory]
    [InlineData(null, MediaTypes.Json)]
    [InlineData("", MediaTypes.Json)]
    [InlineData("application/graphql-response+json", MediaTypes.GraphQLResponse)]
    [InlineData("application/json", MediaTypes.Json)]
    [InlineData("application/*", MediaTypes.Json)]
    [InlineData("*/*", MediaTypes.Json)]
    [InlineData("text/html,application/xhtml+xml,*/*;q=0.8", MediaTypes.Json)]
    [InlineData("application/json;q=0.2, application/graphql-response+json", MediaTypes.GraphQLResponse)]
    [InlineData("text/html", null)]
    [InlineData("application/graphql-response+json;q=0", null)]
    public void Negotiate_AcceptHeader_ChoosesResponseType(string? accept, string? expected)
    {
        Assert.Equal(expected, MediaTypes.Negotiate(new StringValues(accept)));
    }

    [Theory]
    [InlineData("application/json", true)]
    [InlineData("Application/JSON; charset=UTF-8", true)]
    [InlineData("application/json; charset=iso-8859-1", false)]
    [InlineData("application/graphql", false)]
    [InlineData("text/plain", false)]
    [InlineData(null, false)]
    public void IsJsonBody_ContentType_AcceptsOnlyUtf8Json(string? contentType, bool expected)
    {
        Assert.Equal(expected, MediaTypes.IsJsonBody(contentType));
    }
}
