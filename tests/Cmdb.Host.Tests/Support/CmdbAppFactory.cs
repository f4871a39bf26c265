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
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
    }
}
