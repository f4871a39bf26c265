using System.Text.Json.Nodes;

namespace Cmdb.GraphQL.Tests.Support;

/// <summary>Assertions on the errors of a GraphQL response.</summary>
public static class ErrorAssert
{
    /// <summary>The single error of the response; fails when there is none or several.</summary>
    public static JsonObject One(JsonObject response)
    {
        var errors = response["errors"]?.AsArray();
        Assert.True(errors is { Count: 1 }, $"Expected one error, got: {response.ToJsonString()}");
        return errors[0]!.AsObject();
    }

    public static string? Code(JsonObject error) => error["extensions"]?["code"]?.GetValue<string>();

    public static string Message(JsonObject error) => error["message"]!.GetValue<string>();

    /// <summary>Asserts the one error has <paramref name="code"/> and a message containing <paramref name="fragment"/>.</summary>
    public static JsonObject Expect(JsonObject response, string code, string fragment)
    {
        var error = One(response);
        Assert.Equal(code, Code(error));
        Assert.Contains(fragment, Message(error), StringComparison.OrdinalIgnoreCase);
        return error;
    }
}
