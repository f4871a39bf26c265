using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cmdb.Host.Tests.Support;

/// <summary>The real host over a database file of the test's choosing, with any extra settings.</summary>
public sealed class CmdbAppFactory(string databasePath, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public string DatabasePath { get; } = databasePath;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Cmdb:Storage:Sqlite:DatabasePath", DatabasePath);
        // Deterministic by default: the shipped local-host source would otherwise run at start-up. A test about the
        // scheduler turns it back on through its settings.
        builder.UseSetting("Cmdb:Discovery:SchedulerEnabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
    }
}
