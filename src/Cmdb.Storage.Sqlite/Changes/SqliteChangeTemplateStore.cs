using Cmdb.Domain.Changes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;
using static Cmdb.Storage.Sqlite.Internal.SideStoreDatabase;

namespace Cmdb.Storage.Sqlite.Changes;

/// <summary>
/// <see cref="IChangeTemplateStore"/> over the same SQLite file as <see cref="SqliteCmdbStore"/> (migration V0005 creates
/// its tables). Writes are validated first, serialised, and run in one IMMEDIATE transaction each, audit row included.
/// </summary>
public sealed partial class SqliteChangeTemplateStore : IChangeTemplateStore, IDisposable
{
    private readonly ICmdbStore _cmdb;
    private readonly SideStoreDatabase _db;
    private readonly TimeProvider _time;

    public SqliteChangeTemplateStore(SqliteStorageOptions options, ICmdbStore cmdb, TimeProvider time)
    {
        _db = new SideStoreDatabase(options, cmdb);
        _cmdb = cmdb;
        _time = time;
    }

    public async Task<ChangeTemplate> CreateTemplateAsync(ChangeTemplateSpec spec, Actor actor, CancellationToken cancellationToken)
    {
        ChangeTemplateRules.Validate(spec, _cmdb.Model);
        return await WriteAsync(actor, "create", (c, tx, now) =>
        {
            var template = new ChangeTemplate(Ulid.New(now), spec, true, now, now, 1);
            Write(c, tx, template, insert: true);
            return template;
        }, cancellationToken);
    }

    public async Task<ChangeTemplate?> GetTemplateAsync(string id, CancellationToken cancellationToken)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        return Read(c, null, id);
    }

    public async Task<ChangeTemplate> UpdateTemplateAsync(string id, long expectedVersion, ChangeTemplateSpec spec, Actor actor, CancellationToken cancellationToken)
    {
        ChangeTemplateRules.Validate(spec, _cmdb.Model);
        return await WriteAsync(actor, "update", (c, tx, now) =>
        {
            var current = Current(c, tx, id, expectedVersion);
            if (!current.Active) throw CmdbException.Conflict($"Change template {id} is retired; create a new template instead.", "id");
            var next = current with { Spec = spec, UpdatedAt = now, Version = current.Version + 1 };
            Write(c, tx, next, insert: false);
            return next;
        }, cancellationToken);
    }

    public async Task<ChangeTemplate> RetireTemplateAsync(string id, long expectedVersion, Actor actor, CancellationToken cancellationToken) =>
        await WriteAsync(actor, "retire", (c, tx, now) =>
        {
            var current = Current(c, tx, id, expectedVersion);
            if (!current.Active) throw CmdbException.Conflict($"Change template {id} is already retired.", "id");
            var next = current with { Active = false, UpdatedAt = now, Version = current.Version + 1 };
            Write(c, tx, next, insert: false);
            return next;
        }, cancellationToken);

    public async Task<IReadOnlyList<ChangeTemplate>> ListTemplatesAsync(bool includeRetired, CancellationToken cancellationToken)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        using var cmd = Command(c, null, $"SELECT {Columns} FROM change_template WHERE active = 1 OR $all = 1 ORDER BY name, id");
        cmd.Parameters.AddWithValue("$all", includeRetired ? 1 : 0);
        var found = new List<ChangeTemplate>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken)) found.Add(Map(r));
        return found;
    }

    public void Dispose() => _db.Dispose();

    private Task<ChangeTemplate> WriteAsync(
        Actor actor, string operation, Func<SqliteConnection, SqliteTransaction, DateTimeOffset, ChangeTemplate> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return _db.WriteAsync(_time.GetUtcNow, write, (c, tx, template, now) => Audit(c, tx, template, actor, operation, now), cancellationToken);
    }

    private static ChangeTemplate Current(SqliteConnection c, SqliteTransaction tx, string id, long expectedVersion) =>
        SideStoreRows.Current(Read(c, tx, id), "change template", id, expectedVersion, t => t.Version);
}
