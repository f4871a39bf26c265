using Cmdb.Domain.Errors;
using Cmdb.Domain.Incidents;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite.Incidents;

/// <summary>
/// <see cref="IIncidentStore"/> over the same SQLite file as <see cref="SqliteCmdbStore"/> (whose migrations create its
/// tables). Writes are serialised by a semaphore and run in one IMMEDIATE transaction each, audit row included.
/// </summary>
/// <remarks>
/// Reopening a RESOLVED incident clears its resolution and root cause (the audit trail keeps them), so the root-cause
/// record that diagnosis learns from only counts fixes that held.
/// </remarks>
public sealed partial class SqliteIncidentStore : IIncidentStore, IDisposable
{
    private readonly SideStoreDatabase _db;
    private readonly TimeProvider _time;

    public SqliteIncidentStore(SqliteStorageOptions options, ICmdbStore cmdb, TimeProvider time)
    {
        _db = new SideStoreDatabase(options, cmdb);
        _time = time;
    }

    public async Task<Incident> CreateAsync(IncidentSpec spec, Actor actor, CancellationToken cancellationToken)
    {
        IncidentRules.Validate(spec, _time.GetUtcNow());
        var symptoms = spec.SymptomCiIds?.Distinct(StringComparer.Ordinal).ToList() ?? [];
        return (await WriteAsync(actor, "create", (c, tx, now) =>
        {
            EnsureCisExist(c, tx, symptoms, "symptomCiIds");
            var incident = new Incident(
                Ulid.New(now), spec.Title.Trim(), spec.Description, spec.Severity, IncidentState.Open, Millis(spec.StartedAt),
                [.. symptoms.Select(id => new IncidentSymptom(id, now, actor.Describe()))], null, null, null, now, now, 1);
            Insert(c, tx, incident);
            InsertSymptoms(c, tx, incident.Id, incident.Symptoms);
            return incident;
        }, cancellationToken))!;
    }

    public async Task<Incident?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var c = await _db.OpenAsync(cancellationToken);
        return Read(c, null, id);
    }

    public async Task<Incident> AddSymptomsAsync(string id, IReadOnlyCollection<string> ciIds, Actor actor, CancellationToken cancellationToken)
    {
        IncidentRules.ValidateCiIds(ciIds, "ciIds", allowEmpty: false);
        return await WriteAsync(actor, "add-symptoms", (c, tx, now) =>
        {
            var current = Current(c, tx, id, null);
            if (IncidentStateMachine.IsFinal(current.State))
                throw CmdbException.Conflict($"Incident {id} is {IncidentStateMachine.Name(current.State)}; symptoms cannot be added to it.", "id");
            var ids = ciIds.Distinct(StringComparer.Ordinal).ToList();
            EnsureCisExist(c, tx, ids, "ciIds");
            var known = current.Symptoms.Select(s => s.CiId).ToHashSet(StringComparer.Ordinal);
            var added = ids.Where(known.Add).Select(ci => new IncidentSymptom(ci, now, actor.Describe())).ToList();
            if (added.Count == 0) return null; // nothing new: no write, no version bump
            InsertSymptoms(c, tx, id, added);
            var next = current with { Symptoms = [.. current.Symptoms, .. added], UpdatedAt = now, Version = current.Version + 1 };
            Save(c, tx, next);
            return next;
        }, cancellationToken) ?? (await GetAsync(id, cancellationToken))!;
    }

    public async Task<Incident> TransitionAsync(string id, IncidentState to, long? expectedVersion, Actor actor, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(to)) throw CmdbException.Invalid($"State {(int)to} is unknown.", "state");
        if (to == IncidentState.Resolved)
            throw CmdbException.Invalid("Resolve an incident with resolveIncident, which records the resolution and root cause.", "state");
        return (await WriteAsync(actor, "transition", (c, tx, now) =>
        {
            var current = Current(c, tx, id, expectedVersion);
            var state = IncidentStateMachine.Move(current.State, to);
            var next = current with { State = state, UpdatedAt = now, Version = current.Version + 1 };
            if (current.State == IncidentState.Resolved && state == IncidentState.Investigating)
                next = next with { Resolution = null, RootCauseCiId = null, ResolvedAt = null };
            Save(c, tx, next);
            return next;
        }, cancellationToken))!;
    }

    public async Task<Incident> ResolveAsync(string id, string? rootCauseCiId, string resolution, Actor actor, CancellationToken cancellationToken)
    {
        IncidentRules.ValidateResolution(resolution);
        if (rootCauseCiId is not null && string.IsNullOrWhiteSpace(rootCauseCiId))
            throw CmdbException.Invalid("The rootCauseCiId is empty; leave it out when the cause is not known.", "rootCauseCiId");
        return (await WriteAsync(actor, "resolve", (c, tx, now) =>
        {
            var current = Current(c, tx, id, null);
            var state = IncidentStateMachine.Move(current.State, IncidentState.Resolved);
            if (rootCauseCiId is not null) EnsureCisExist(c, tx, [rootCauseCiId], "rootCauseCiId");
            var next = current with
            {
                State = state, Resolution = resolution, RootCauseCiId = rootCauseCiId, ResolvedAt = now, UpdatedAt = now, Version = current.Version + 1,
            };
            Save(c, tx, next);
            return next;
        }, cancellationToken))!;
    }

    public void Dispose() => _db.Dispose();

    /// <summary>A write that returns null changed nothing: no version bump, no audit row.</summary>
    private Task<Incident?> WriteAsync(
        Actor actor, string operation, Func<SqliteConnection, SqliteTransaction, DateTimeOffset, Incident?> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return _db.WriteAsync(
            () => Millis(_time.GetUtcNow()), write, (c, tx, incident, now) => Audit(c, tx, incident!, actor, operation, now), cancellationToken);
    }

    private static Incident Current(SqliteConnection c, SqliteTransaction tx, string id, long? expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(id);
        return SideStoreRows.Current(Read(c, tx, id), "incident", id, expectedVersion, i => i.Version);
    }

    private static DateTimeOffset Millis(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
}
