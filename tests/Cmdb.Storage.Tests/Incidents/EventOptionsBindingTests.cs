using Cmdb.Domain.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Cmdb.Storage.Tests.Incidents;

public sealed class EventOptionsBindingTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSqliteStorage();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Bind_ConfiguredRules_ReplaceTheDefaultsInOrder()
    {
        using var provider = Build(new()
        {
            ["Cmdb:Events:LabelRules:0:Label"] = "host",
            ["Cmdb:Events:LabelRules:0:Scheme"] = "fqdn",
            ["Cmdb:Events:LabelRules:0:StripPort"] = "true",
            ["Cmdb:Events:LabelRules:1:Label"] = "cmdb_ci",
            ["Cmdb:Events:LabelRules:1:Scheme"] = "id",
        });

        var rules = provider.GetRequiredService<IOptions<EventOptions>>().Value.EffectiveRules;

        Assert.Equal(["label:host->fqdn (port stripped)", "label:cmdb_ci->id"], rules.Select(r => r.Describe()));
    }

    [Fact]
    public void Bind_NothingConfigured_UsesTheDefaults()
    {
        using var provider = Build([]);

        Assert.Same(EventOptions.DefaultRules, provider.GetRequiredService<IOptions<EventOptions>>().Value.EffectiveRules);
    }

    [Fact]
    public void Bind_BadRule_FailsNamingIt()
    {
        using var provider = Build(new()
        {
            ["Cmdb:Events:LabelRules:0:Label"] = "",
            ["Cmdb:Events:LabelRules:0:Scheme"] = "FQDN",
        });

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EventOptions>>().Value);

        Assert.Contains("LabelRules:0:Label is empty", e.Message, StringComparison.Ordinal);
        Assert.Contains("Scheme 'FQDN'", e.Message, StringComparison.Ordinal);
    }
}
