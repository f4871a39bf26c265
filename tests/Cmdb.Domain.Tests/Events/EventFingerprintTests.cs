using Cmdb.Domain.Events;

namespace Cmdb.Domain.Tests.Events;

public sealed class EventFingerprintTests
{
    [Theory]
    [InlineData("web-01.acme.internal:9100", "web-01.acme.internal")]
    [InlineData("10.0.0.1:161", "10.0.0.1")]
    [InlineData("[::1]:9100", "::1")]
    [InlineData("::1", "::1")]
    [InlineData("web-01", "web-01")]
    [InlineData("https://server.example.org", "https://server.example.org")]
    [InlineData("host:", "host:")]
    public void StripPort_Values_DropOnlyANumericPort(string value, string expected) => Assert.Equal(expected, EventFingerprint.StripPort(value));

    [Fact]
    public void Compute_SameLabelsAnyOrder_SameFingerprint()
    {
        var a = EventFingerprint.Compute("am", new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });
        var b = EventFingerprint.Compute("am", new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" });
        var c = EventFingerprint.Compute("am", new Dictionary<string, string> { ["a"] = "1", ["b"] = "3" });
        var d = EventFingerprint.Compute("other", new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.NotEqual(a, d);
    }

    [Fact]
    public void EffectiveRules_NoneConfigured_AreTheDefaults()
    {
        var options = new EventOptions();
        Assert.Same(EventOptions.DefaultRules, options.EffectiveRules);

        options.LabelRules.Add(new EventLabelRule { Label = "host", Scheme = "fqdn" });
        Assert.Equal("label:host->fqdn", Assert.Single(options.EffectiveRules).Describe());
    }
}
