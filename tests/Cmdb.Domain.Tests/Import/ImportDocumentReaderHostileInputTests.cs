using System.Text;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Import;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using static Cmdb.Domain.Tests.ImportJson;

namespace Cmdb.Domain.Tests;

/// <summary>Input written to hurt: huge, invisible or malformed text must fail cleanly with a short message.</summary>
public sealed class ImportDocumentReaderHostileInputTests
{
    [Fact]
    public void Read_TenMegabyteName_IsRefusedWithShortMessage()
    {
        var name = new string('A', 10 * 1024 * 1024);

        var e = Refused(OneCi($"\"class\": \"Application\", \"name\": \"{name}\", \"identifiers\": {{ \"cmdb.key\": \"k\" }}"));

        Assert.Equal("cis[0].name", e.Path);
        Assert.Contains($"limit is {CiRules.MaxNameLength}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HugeUnknownPropertyName_IsNotEchoedInFull()
    {
        var property = new string('x', 100_000);

        var e = Refused(OneCi($"{Valid}, \"{property}\": 1"));

        Assert.Contains("Unknown property", e.Message, StringComparison.Ordinal);
        Assert.True(e.Path!.Length < 100);
    }

    [Theory]
    [InlineData("\\u0000")]
    [InlineData("\\u001b[31mred")]
    [InlineData("line\\nbreak")]
    public void Read_ControlCharactersInName_AreRefused(string escaped)
    {
        var e = Refused(OneCi($"\"class\": \"Application\", \"name\": \"{escaped}\", \"identifiers\": {{ \"cmdb.key\": \"k\" }}"));

        Assert.Equal("cis[0].name", e.Path);
        Assert.Contains("control characters", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ControlCharacterInUnknownProperty_IsNotEchoed()
    {
        var e = Refused(OneCi($"{Valid}, \"evil\\u001b[2J\": 1"));

        Assert.DoesNotContain('\u001b', e.Message);
    }

    [Fact]
    public void Read_LoneSurrogate_IsRefused()
    {
        var e = Refused(OneCi("\"class\": \"Application\", \"name\": \"\\ud800\", \"identifiers\": { \"cmdb.key\": \"k\" }"));

        Assert.Equal("cis[0].name", e.Path);
    }

    [Theory]
    [InlineData("\"name\": \"S", "cis[0].name")]
    [InlineData("\"cmdb.", "cis[0]")]
    public void Read_InvalidUtf8_IsRefused(string before, string path)
    {
        var bytes = Encoding.UTF8.GetBytes(OneCi(Valid)).ToList();
        var at = Encoding.UTF8.GetString(bytes.ToArray()).IndexOf(before, StringComparison.Ordinal) + before.Length;
        bytes.InsertRange(at, new byte[] { 0xC3, 0x28 });

        var e = Assert.Throws<CmdbException>(() => ImportDocumentReader.Read(new MemoryStream(bytes.ToArray())));

        Assert.Equal(ErrorCode.Validation, e.Code);
        Assert.Equal(path, e.Path);
    }

    [Fact]
    public void Read_DeeplyNestedAttributes_AreRefused()
    {
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);

        var e = Refused(OneCi($"{Valid}, \"attributes\": {nested}"));

        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OversizedAttributes_AreRefused()
    {
        var big = new string('z', CiRules.MaxAttributesBytes);

        var e = Refused(OneCi($"{Valid}, \"attributes\": {{ \"blob\": \"{big}\" }}"));

        Assert.Equal("cis[0].attributes", e.Path);
    }

    [Fact]
    public void Read_TooManyTags_AreRefusedBeforeReadingThem()
    {
        var tags = string.Join(",", Enumerable.Range(0, 100_000).Select(i => $"\"t{i}\""));

        var e = Refused(OneCi($"{Valid}, \"tags\": [{tags}]"));

        Assert.Equal("cis[0].tags", e.Path);
    }

    [Fact]
    public void Read_HugeIdentifierValue_IsRefused()
    {
        var value = new string('v', 1_000_000);

        var e = Refused(OneCi($"\"class\": \"Server\", \"name\": \"s\", \"identifiers\": {{ \"serial\": \"{value}\" }}"));

        Assert.Equal("cis[0].identifiers.serial", e.Path);
    }

    [Fact]
    public void Read_InjectionLookingText_IsKeptAsPlainData()
    {
        var ci = (UpsertCi)Read(OneCi("""
            "class": "Application", "name": "'; DROP TABLE ci; -- <script>alert(1)</script>", "identifiers": { "cmdb.key": "$where:1" }
            """)).Operations[0];

        Assert.Equal("'; DROP TABLE ci; -- <script>alert(1)</script>", ci.Fields.Name);
        Assert.Equal("$where:1", ci.Fields.Identifiers!["cmdb.key"]);
    }
}
