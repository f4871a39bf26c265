using System.Text;
using Cmdb.Domain.Import;
using static Cmdb.Domain.Tests.ImportJson;

namespace Cmdb.Domain.Tests;

/// <summary>Malformed documents, relationship entries and references are refused with their path.</summary>
public sealed class ImportDocumentReaderDocumentErrorTests
{
    [Fact]
    public void Read_UnknownRootProperty_IsRefused()
    {
        var e = Refused("""{ "cis": [], "relationship": [] }""");

        Assert.Equal("relationship", e.Path);
        Assert.Contains("did you mean 'relationships'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownRelationshipProperty_IsRefused()
    {
        var e = Refused(OneRelationship("""
            "type": "RUNS_ON", "source": { "cmdb.key": "a" }, "target": { "cmdb.key": "a" }, "weight": 3
            """));

        Assert.Equal("relationships[0].weight", e.Path);
    }

    [Theory]
    [InlineData("\"source\": { \"cmdb.key\": \"a\", \"fqdn\": \"b\" }", "relationships[0].source", "has 2")]
    [InlineData("\"source\": {}", "relationships[0].source", "has 0")]
    [InlineData("\"source\": \"a\"", "relationships[0].source", "a string")]
    [InlineData("\"source\": { \"cmdb.key\": 1 }", "relationships[0].source.cmdb.key", "a number")]
    [InlineData("\"source\": { \"cmdb.key\": \"\" }", "relationships[0].source.cmdb.key", "1 to 512")]
    [InlineData("\"source\": { \"Not A Scheme\": \"x\" }", "relationships[0].source.Not A Scheme", "scheme")]
    [InlineData("\"source\": { \"id\": \"not-a-ulid\" }", "relationships[0].source.id", "ULID")]
    [InlineData("\"source\": null", "relationships[0].source", "lacks 'source'")]
    public void Read_BadReference_IsRefusedWithPath(string source, string path, string expected)
    {
        var e = Refused(OneRelationship($"\"type\": \"RUNS_ON\", {source}, \"target\": {{ \"cmdb.key\": \"a\" }}"));

        Assert.Equal(path, e.Path);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"source\": { \"cmdb.key\": \"a\" }", "relationships[0].target")]
    [InlineData("\"target\": { \"cmdb.key\": \"a\" }", "relationships[0].source")]
    public void Read_RelationshipMissingEnd_IsRefused(string oneEnd, string path)
    {
        var e = Refused(OneRelationship($"\"type\": \"RUNS_ON\", {oneEnd}"));

        Assert.Equal(path, e.Path);
    }

    [Theory]
    [InlineData("\"source\": { \"cmdb.key\": \"a\" }, \"target\": { \"cmdb.key\": \"a\" }", "relationships[0].type")]
    [InlineData("\"type\": \"runs on\", \"source\": { \"cmdb.key\": \"a\" }, \"target\": { \"cmdb.key\": \"a\" }", "relationships[0].type")]
    [InlineData("\"type\": \"RUNS_ON\", \"source\": { \"cmdb.key\": \"a\" }, \"target\": { \"cmdb.key\": \"a\" }, \"attributes\": 5", "relationships[0].attributes")]
    [InlineData("\"type\": \"RUNS_ON\", \"source\": { \"cmdb.key\": \"a\" }, \"target\": { \"cmdb.key\": \"a\" }, \"attributes\": { \"bad name\": 1 }", "relationships[0].attributes")]
    public void Read_BadRelationshipField_IsRefused(string properties, string path)
    {
        var e = Refused(OneRelationship(properties));

        Assert.Equal(path, e.Path);
    }

    [Theory]
    [InlineData("[]", "The import document")]
    [InlineData("\"cis\"", "The import document")]
    [InlineData("{ \"cis\": {} }", "cis must be an array")]
    [InlineData("{ \"cis\": [ 5 ] }", "A cis entry")]
    [InlineData("{ \"relationships\": [ [] ] }", "A relationships entry")]
    [InlineData("{ \"cis\": [], \"cis\": [] }", "appears twice")]
    public void Read_WrongDocumentShape_IsRefused(string json, string expected)
    {
        var e = Refused(json);

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MalformedJson_NamesLineAndPosition()
    {
        var e = Refused("{\n  \"cis\": [\n    { \"class\": \"Server\",, }\n  ]\n}");

        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("position", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{ \"cis\": [ ")]
    [InlineData("{ \"cis\": [] } trailing")]
    [InlineData("{ \"cis\": [], }")]
    [InlineData("// comment\n{}")]
    public void Read_NotJson_IsRefused(string text)
    {
        var e = Refused(text);

        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MoreThanMaxEntries_IsRefusedBeforeReadingThem()
    {
        var json = new StringBuilder("{ \"relationships\": [0");
        for (var i = 0; i < ImportDocumentReader.MaxEntries; i++) json.Append(",0");
        json.Append("] }");

        var e = Refused(json.ToString());

        Assert.Equal("relationships", e.Path);
        Assert.Contains("at most", e.Message, StringComparison.Ordinal);
    }
}
