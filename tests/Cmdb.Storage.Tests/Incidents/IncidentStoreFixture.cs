using Cmdb.Domain.Events;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite.Events;
using Cmdb.Storage.Sqlite.Incidents;
using Cmdb.Storage.Tests.Sqlite;

namespace Cmdb.Storage.Tests.Incidents;

/// <summary>A fresh file with a database (db.key), a server (fqdn) and an application, and both stores over it.</summary>
public abstract class IncidentStoreFixture : SideStoreTests
{
    protected SqliteIncidentStore Incidents { get; private set; } = null!;

    protected SqliteEventStore Events { get; private set; } = null!;

    protected string DatabasePath => Database.Path;

    protected string Db { get; private set; } = "";

    protected string Server { get; private set; } = "";

    protected string App { get; private set; } = "";

    protected override async Task SeedAsync()
    {
        var ids = await UpsertAsync(
            new UpsertCi(null, WellKnown.Classes.Database, new CiFields
            {
                Name = "pg-orders", Attributes = new System.Text.Json.Nodes.JsonObject { ["engine"] = "postgres" }, Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.DbKey] = "pg-orders.acme.internal:5432" },
            }),
            new UpsertCi(null, WellKnown.Classes.LinuxServer, new CiFields
            {
                Name = "web-01", Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.Fqdn] = "web-01.acme.internal" },
            }),
            new UpsertCi(null, WellKnown.Classes.Application, new CiFields { Name = "shop" }));
        (Db, Server, App) = (ids[0], ids[1], ids[2]);
        Incidents = Own(new SqliteIncidentStore(Options, Cmdb, Time));
        Events = Own(new SqliteEventStore(Options, new EventOptions(), Cmdb, Time));
    }
}
