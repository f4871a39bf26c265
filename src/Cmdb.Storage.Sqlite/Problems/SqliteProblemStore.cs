using System.Text.Json;
using System.Text.Json.Serialization;
using Cmdb.Domain.Items;
using Cmdb.Domain.Problems;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite.Problems;

/// <summary>
/// <see cref="IProblemStore"/> over the shared SQLite file: one IMMEDIATE transaction per write, audit row included.
/// </summary>
public sealed partial class SqliteProblemStore : IProblemStore, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly SideStoreDatabase _db;
    private readonly TimeProvider _time;

    public SqliteProblemStore(SqliteStorageOptions options, ICmdbStore cmdb, TimeProvider time)
    {
        _db = new SideStoreDatabase(options, cmdb);
        _time = time;
    }

    public async Task<Problem> CreateAsync(ProblemSpec spec, Actor actor, CancellationToken cancellationToken)
    {
        ProblemRules.Validate(spec);
        return await WriteAsync(actor, "create", (c, tx, now) =>
        {
            EnsureLinksExist(c, tx, spec);
            var problem = new Problem(Ulid.New(now), spec, now, now, 1);
            Save(c, tx, problem, insert: true);
            return problem;
        }, cancellationToken);
    }

    public async Task<Problem> UpdateAsync(string id, long expectedVersion, ProblemSpec spec, Actor actor, CancellationToken cancellationToken)
    {
        ProblemRules.Validate(spec);
        return await WriteAsync(actor, "update", (c, tx, now) =>
        {
            ArgumentNullException.ThrowIfNull(id);
            var current = SideStoreRows.Current(Read(c, tx, id), "problem", id, expectedVersion, p => p.Version);
            EnsureLinksExist(c, tx, spec);
            var next = current with { Spec = spec, UpdatedAt = now, Version = current.Version + 1 };
            Save(c, tx, next, insert: false);
            return next;
        }, cancellationToken);
    }

    public async Task<Problem?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var c = await _db.OpenAsync(cancellationToken);
        return Read(c, null, id);
    }

    public void Dispose() => _db.Dispose();

    private Task<Problem> WriteAsync(
        Actor actor, string operation, Func<SqliteConnection, SqliteTransaction, DateTimeOffset, Problem> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return _db.WriteAsync(
            () => DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds()),
            write,
            (c, tx, problem, now) => SideStoreRows.Audit(
                c, tx, "INSERT INTO problem_audit (problem_id, at, actor, operation, detail) VALUES ($id, $at, $actor, $op, $detail)",
                problem.Id, now, actor, operation, JsonSerializer.Serialize(problem, Json)),
            cancellationToken);
    }
}
