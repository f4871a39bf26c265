using Cmdb.GraphQL.Errors;
using Cmdb.GraphQL.Tests.Support;
using Cmdb.GraphQL.Validation;

namespace Cmdb.GraphQL.Tests;

public sealed class LimitsTests
{
    [Fact]
    public async Task Aliases_OverTheLimit_AreRefusedWithAClearMessage()
    {
        await using var host = await GraphQLTestHost.StartAsync(o => o.MaxAliases = 3);
        var fields = string.Join(' ', Enumerable.Range(0, 4).Select(i => $"a{i}: model {{ classes {{ name }} }}"));

        var response = await host.ExecuteAsync($"{{ {fields} }}");

        var error = ErrorAssert.Expect(response, CmdbErrorCodes.Validation, "The document uses 4 aliases; at most 3 are allowed");
        Assert.Equal(AliasLimitRule.Reason, error["extensions"]!["reason"]!.GetValue<string>());
        Assert.Null(response["data"]);
    }

    [Fact]
    public async Task Aliases_AtTheLimit_AreAccepted()
    {
        await using var host = await GraphQLTestHost.StartAsync(o => o.MaxAliases = 3);

        var data = await host.DataAsync("{ a: model { classes { name } } b: model { classes { name } } c: cis { totalCount } }");

        Assert.Equal(3, data.Count);
    }

    [Fact]
    public async Task Aliases_DefaultLimit_IsThirty()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        var fields = string.Join(' ', Enumerable.Range(0, 31).Select(i => $"a{i}: cis {{ totalCount }}"));

        var response = await host.ExecuteAsync($"{{ {fields} }}");

        ErrorAssert.Expect(response, CmdbErrorCodes.Validation, "at most 30 are allowed");
    }

    [Fact]
    public async Task Depth_OverTheLimit_IsRefused()
    {
        await using var host = await GraphQLTestHost.StartAsync(o => o.MaxDepth = 4);

        var response = await host.ExecuteAsync("{ cis { edges { node { relationships { target { name } } } } } }");

        ErrorAssert.Expect(response, CmdbErrorCodes.Validation, "too nested");
    }

    [Fact]
    public async Task Complexity_OverTheLimit_IsRefused()
    {
        await using var host = await GraphQLTestHost.StartAsync(o => o.MaxComplexity = 100);

        var response = await host.ExecuteAsync("{ cis(first: 500) { edges { node { name relationships { target { name } } } } } }");

        ErrorAssert.Expect(response, CmdbErrorCodes.Validation, "too complex");
    }

    [Fact]
    public async Task Introspection_FullStandardQuery_PassesTightLimits()
    {
        await using var host = await GraphQLTestHost.StartAsync(o =>
        {
            o.MaxDepth = 4;
            o.MaxComplexity = 100;
        });

        var data = await host.DataAsync(IntrospectionQuery.Text);

        Assert.Equal("Query", data["__schema"]!["queryType"]!["name"]!.GetValue<string>());
        Assert.Contains(data["__schema"]!["types"]!.AsArray(), t => t!["name"]!.GetValue<string>() == "ConfigurationItem");
    }

    [Fact]
    public async Task UnexpectedFailure_IsMaskedWithoutDetails()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        host.Store.FailReadsWith = new InvalidOperationException("secret connection string Password=hunter2");

        var json = await host.ExecuteJsonAsync("{ cis { totalCount } }");

        Assert.DoesNotContain("hunter2", json, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperation", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("stack", json, StringComparison.OrdinalIgnoreCase);
        var error = ErrorAssert.One(System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject());
        Assert.Equal(CmdbErrorCodes.Internal, ErrorAssert.Code(error));
        Assert.Equal(CmdbErrorInfoProvider.InternalMessage, ErrorAssert.Message(error));
    }

    [Fact]
    public async Task SyntaxError_IsValidationError()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var response = await host.ExecuteAsync("{ cis { ");

        Assert.Equal(CmdbErrorCodes.Validation, ErrorAssert.Code(ErrorAssert.One(response)));
    }
}
