using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;

namespace Cmdb.Domain.Incidents;

/// <summary>
/// The system of record for incidents. Every write is audited in the same transaction; a write that fails leaves
/// nothing behind. Implementations validate input and that every named CI exists.
/// </summary>
public interface IIncidentStore
{
    Task<Incident> CreateAsync(IncidentSpec spec, Actor actor, CancellationToken cancellationToken);

    Task<Incident?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Incidents, newest first (by id), optionally only in the given states.</summary>
    Task<Page<Incident>> ListAsync(IReadOnlyCollection<IncidentState>? states, int first, string? after, CancellationToken cancellationToken);

    /// <summary>Adds symptomatic CIs; ones already listed are ignored. Refused on a CLOSED incident.</summary>
    Task<Incident> AddSymptomsAsync(string id, IReadOnlyCollection<string> ciIds, Actor actor, CancellationToken cancellationToken);

    /// <summary>Moves an incident along <see cref="IncidentStateMachine"/>; RESOLVED goes through <see cref="ResolveAsync"/>.</summary>
    Task<Incident> TransitionAsync(string id, IncidentState to, long? expectedVersion, Actor actor, CancellationToken cancellationToken);

    /// <summary>Resolves an OPEN or INVESTIGATING incident, recording the resolution and, when known, the root-cause CI.</summary>
    Task<Incident> ResolveAsync(string id, string? rootCauseCiId, string resolution, Actor actor, CancellationToken cancellationToken);

    /// <summary>Incidents (any state) that list any of these CIs as a symptom or root cause, newest first.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<Incident>>> GetForCisAsync(
        IReadOnlyCollection<string> ciIds, CancellationToken cancellationToken);

    /// <summary>How often each CI was recorded as the root cause of incidents resolved before <paramref name="before"/>; CIs never recorded are absent.</summary>
    Task<IReadOnlyDictionary<string, int>> GetRootCauseCountsAsync(
        IReadOnlyCollection<string> ciIds, DateTimeOffset before, CancellationToken cancellationToken);
}
