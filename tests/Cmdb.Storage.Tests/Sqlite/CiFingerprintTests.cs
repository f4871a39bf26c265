using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Storage.Sqlite.Internal;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>The digest start-up reads from stored text must equal the one writes compute from objects.</summary>
public sealed class CiFingerprintTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(CiStatus.Active, null, null)]
    [InlineData(CiStatus.Retired, 2, 3)]
    public void OfDoc_StoredSnapshot_EqualsDigestOfTheCi(CiStatus status, int? criticality, int? minHealthy)
    {
        using var fingerprint = new CiFingerprint();
        var ci = Ci(status, criticality, minHealthy);

        var fromDoc = fingerprint.OfDoc(Stored(ci).Span);

        Assert.Equal(fingerprint.Of(ci), fromDoc);
    }

    [Fact]
    public void Of_WriteNamingEveryStoredField_EqualsDigestOfTheCi()
    {
        using var fingerprint = new CiFingerprint();
        var ci = Ci(CiStatus.Active, 2, null);
        var fields = new CiFields
        {
            Name = ci.Name, Environment = ci.Environment, Criticality = 2, Owner = ci.Owner, Tags = ["zeta", "alpha", "zeta"],
            Attributes = new JsonObject { ["note"] = "caf\u00e9 \"q\"", ["cpu"] = 4, ["gone"] = null, ["nested"] = new JsonObject { ["a"] = 1 } },
            Identifiers = new Dictionary<string, string> { ["vm.uuid"] = "u-1", ["fqdn"] = "a.example" },
        };

        Assert.Equal(fingerprint.Of(ci), fingerprint.Of(ci.Class, fields));
        Assert.NotEqual(fingerprint.Of(ci), fingerprint.Of(ci.Class, fields with { Owner = "someone else" }));
        Assert.NotEqual(fingerprint.Of(ci), fingerprint.Of(ci.Class, fields with { Status = CiStatus.Maintenance }));
        Assert.Null(fingerprint.Of(ci.Class, fields with { Name = null }));
    }

    private static ConfigurationItem Ci(CiStatus status, int? criticality, int? minHealthy) => new(
        "01J00000000000000000000000", "VirtualMachine", "vm \"one\" caf\u00e9", status, "production", criticality, "ops team", null,
        ["alpha", "zeta"],
        new JsonObject { ["nested"] = new JsonObject { ["a"] = 1 }, ["cpu"] = 4, ["note"] = "caf\u00e9 \"q\"" }, // insertion order, not sorted
        new SortedDictionary<string, string>(StringComparer.Ordinal) { ["vm.uuid"] = "u-1", ["fqdn"] = "a.example" },
        minHealthy, new Dictionary<string, AttributeProvenance> { ["name"] = new("system:test", At) }, [], At, At, 3);

    private static ReadOnlyMemory<byte> Stored(ConfigurationItem ci) => StoredSnapshot.Bytes(ci);
}
