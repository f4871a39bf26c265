using static Cmdb.Domain.Tests.ImportJson;

namespace Cmdb.Domain.Tests;

/// <summary>Every malformed CI entry names where it is and what is wrong with it.</summary>
public sealed class ImportDocumentReaderErrorTests
{
    [Fact]
    public void Read_TypoInCiProperty_NamesPathPropertyAndSuggestion()
    {
        var e = Refused(OneCi("""
            "clas": "Application", "name": "x", "identifiers": { "cmdb.key": "k" }
            """));

        Assert.Equal("cis[0].clas", e.Path);
        Assert.Contains("'clas'", e.Message, StringComparison.Ordinal);
        Assert.Contains("cis[0]", e.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'class'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"criticality\": \"high\"", "cis[0].criticality", "a string")]
    [InlineData("\"criticality\": 2.5", "cis[0].criticality", "2.5")]
    [InlineData("\"criticality\": 1e400", "cis[0].criticality", "whole number")]
    [InlineData("\"minHealthy\": true", "cis[0].minHealthy", "a boolean")]
    [InlineData("\"tags\": \"pci\"", "cis[0].tags", "array of strings")]
    [InlineData("\"tags\": [\"pci\", 7]", "cis[0].tags[1]", "a number")]
    [InlineData("\"attributes\": [1, 2]", "cis[0].attributes", "an array")]
    [InlineData("\"attributes\": \"os=linux\"", "cis[0].attributes", "a string")]
    [InlineData("\"owner\": 42", "cis[0].owner", "a number")]
    [InlineData("\"environment\": {}", "cis[0].environment", "an object")]
    [InlineData("\"status\": 1", "cis[0].status", "a number")]
    [InlineData("\"id\": 1", "cis[0].id", "a number")]
    public void Read_WrongJsonType_IsRefusedWithPath(string property, string path, string described)
    {
        var e = Refused(OneCi($"{Valid}, {property}"));

        Assert.Equal(path, e.Path);
        Assert.Contains(described, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_IdentifierValueNotString_IsRefusedWithPath()
    {
        var e = Refused(OneCi("""
            "class": "Server", "name": "s", "identifiers": { "serial": 12345 }
            """));

        Assert.Equal("cis[0].identifiers.serial", e.Path);
    }

    [Fact]
    public void Read_IdentifiersNotObject_IsRefused()
    {
        var e = Refused(OneCi("""
            "class": "Server", "name": "s", "identifiers": ["serial", "X1"]
            """));

        Assert.Equal("cis[0].identifiers", e.Path);
    }

    [Theory]
    [InlineData("running")]
    [InlineData("1")]
    [InlineData("")]
    public void Read_UnknownStatus_IsRefused(string status)
    {
        var e = Refused(OneCi($"{Valid}, \"status\": \"{status}\""));

        Assert.Equal("cis[0].status", e.Path);
        Assert.Contains("planned, active, maintenance, retired", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"class\": \"Application\", \"name\": \"x\"")]
    [InlineData("\"class\": \"Application\", \"name\": \"x\", \"identifiers\": {}")]
    [InlineData("\"class\": \"Application\", \"name\": \"x\", \"identifiers\": null")]
    public void Read_CiWithoutIdentity_IsRefused(string properties)
    {
        var e = Refused(OneCi(properties));

        Assert.Equal("cis[0].identifiers", e.Path);
        Assert.Contains("identity", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SameIdentifierOnTwoEntries_NamesBothPaths()
    {
        var e = Refused("""
            { "cis": [
              { "class": "Server", "name": "a", "identifiers": { "serial": "X1" } },
              { "class": "Server", "name": "b", "identifiers": { "serial": "X2" } },
              { "class": "VirtualMachine", "name": "c", "identifiers": { "fqdn": "c", "serial": "X1" } }
            ] }
            """);

        Assert.Contains("cis[0]", e.Message, StringComparison.Ordinal);
        Assert.Contains("cis[2]", e.Message, StringComparison.Ordinal);
        Assert.Contains("serial=X1", e.Message, StringComparison.Ordinal);
        Assert.Equal("cis[2].identifiers.serial", e.Path);
    }

    [Fact]
    public void Read_SameValueUnderDifferentSchemes_IsAccepted()
    {
        var batch = Read("""
            { "cis": [
              { "class": "Server", "name": "a", "identifiers": { "serial": "X1" } },
              { "class": "Server", "name": "b", "identifiers": { "fqdn": "X1" } }
            ] }
            """);

        Assert.Equal(2, batch.Operations.Count);
    }

    [Fact]
    public void Read_SameIdOnTwoEntries_NamesBothPaths()
    {
        var e = Refused("""
            { "cis": [
              { "id": "01JDQ8Z6X4M2T7YH3R9B5KC0VN", "class": "Server", "name": "a" },
              { "id": "01jdq8z6x4m2t7yh3r9b5kc0vn", "class": "Server", "name": "b" }
            ] }
            """);

        Assert.Contains("cis[0] and cis[1]", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"name\": \"x\", \"identifiers\": { \"cmdb.key\": \"k\" }", "cis[0].class")]
    [InlineData("\"class\": \"Application\", \"identifiers\": { \"cmdb.key\": \"k\" }", "cis[0].name")]
    [InlineData("\"class\": \"Linux Server\", \"name\": \"x\", \"identifiers\": { \"cmdb.key\": \"k\" }", "cis[0].class")]
    [InlineData("\"class\": \"\", \"name\": \"x\", \"identifiers\": { \"cmdb.key\": \"k\" }", "cis[0].class")]
    [InlineData("\"id\": \"123\", \"class\": \"Application\", \"name\": \"x\"", "cis[0].id")]
    public void Read_MissingOrMalformedRequiredField_IsRefused(string properties, string path)
    {
        var e = Refused(OneCi(properties));

        Assert.Equal(path, e.Path);
    }

    [Theory]
    [InlineData("\"name\": \"x\", \"criticality\": 0", "cis[0].criticality")]
    [InlineData("\"name\": \"x\", \"criticality\": 5", "cis[0].criticality")]
    [InlineData("\"name\": \"x\", \"minHealthy\": 0", "cis[0].minHealthy")]
    [InlineData("\"name\": \"x\", \"environment\": \"Production\"", "cis[0].environment")]
    [InlineData("\"name\": \"  \"", "cis[0].name")]
    [InlineData("\"name\": \"x\", \"owner\": \"\"", "cis[0].owner")]
    [InlineData("\"name\": \"x\", \"attributes\": { \"has space\": 1 }", "cis[0].attributes")]
    public void Read_FieldOutsideLimits_FailsEarlyWithPath(string properties, string path)
    {
        var e = Refused(OneCi($"\"class\": \"Application\", \"identifiers\": {{ \"cmdb.key\": \"k\" }}, {properties}"));

        Assert.Equal(path, e.Path);
    }

    [Fact]
    public void Read_BadIdentifierScheme_IsRefused()
    {
        var e = Refused(OneCi("""
            "class": "Server", "name": "s", "identifiers": { "FQDN": "s.example" }
            """));

        Assert.Equal("cis[0].identifiers.FQDN", e.Path);
    }

    [Fact]
    public void Read_PropertyGivenTwiceInEntry_IsRefused()
    {
        var e = Refused(OneCi($"{Valid}, \"name\": \"Other\""));

        Assert.Equal("cis[0].name", e.Path);
        Assert.Contains("twice", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateKeyInsideAttributes_IsRefused()
    {
        var e = Refused(OneCi($"{Valid}, \"attributes\": {{ \"deep\": {{ \"a\": 1, \"a\": 2 }} }}"));

        Assert.Equal("cis[0].attributes", e.Path);
    }
}
