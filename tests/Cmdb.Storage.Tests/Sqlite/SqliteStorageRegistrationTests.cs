using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Cmdb.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

public sealed class SqliteStorageRegistrationTests
{
    [Fact]
    public void AddSqliteStorage_WithModel_RegistersOneStoreUsingConfiguredPath()
    {
        using var provider = Services(o => o.DatabasePath = "/tmp/cmdb-registration-test.db").BuildServiceProvider();

        var store = provider.GetRequiredService<ICmdbStore>();

        Assert.IsType<SqliteCmdbStore>(store);
        Assert.Same(store, provider.GetRequiredService<ICmdbStore>());
        Assert.Equal("/tmp/cmdb-registration-test.db", provider.GetRequiredService<IOptions<SqliteStorageOptions>>().Value.DatabasePath);
    }

    [Fact]
    public void AddSqliteStorage_BadOptions_ReportsEveryProblem()
    {
        using var provider = Services(o =>
        {
            o.DatabasePath = " ";
            o.RetentionDays = 0;
        }).BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SqliteStorageOptions>>().Value);

        Assert.Contains(e.Failures, f => f.Contains("DatabasePath", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.Contains("RetentionDays", StringComparison.Ordinal));
    }

    private static ServiceCollection Services(Action<SqliteStorageOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(ModelLoader.Load(RepoPaths.SeedModel));
        services.AddSqliteStorage(configure);
        return services;
    }
}
