using System.Text;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Import;
using Cmdb.Domain.Storage;

namespace Cmdb.Domain.Tests;

internal static class ImportJson
{
    public static WriteBatch Read(string json) => ImportDocumentReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    /// <summary>Reads a document that must fail validation, and returns the error.</summary>
    public static CmdbException Refused(string json)
    {
        var e = Assert.Throws<CmdbException>(() => Read(json));
        Assert.Equal(ErrorCode.Validation, e.Code);
        Assert.True(e.Message.Length < 1000, $"An error message should stay short, was {e.Message.Length} characters.");
        return e;
    }

    /// <summary>A document with one CI entry whose properties are <paramref name="properties"/> (JSON, no braces).</summary>
    public static string OneCi(string properties) => $$"""{ "cis": [ { {{properties}} } ] }""";

    /// <summary>A valid CI plus one relationship entry with <paramref name="properties"/>.</summary>
    public static string OneRelationship(string properties) => $$"""
        { "cis": [ { "class": "Application", "name": "a", "identifiers": { "cmdb.key": "a" } } ],
          "relationships": [ { {{properties}} } ] }
        """;

    public const string Valid = "\"class\": \"Application\", \"name\": \"Shop\", \"identifiers\": { \"cmdb.key\": \"app/shop\" }";
}
