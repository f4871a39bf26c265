using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;

namespace Cmdb.Domain.Problems;

/// <summary>
/// The system of record for problems and known errors. Writes are audited in the same transaction; linked CIs and
/// incidents must exist.
/// </summary>
public interface IProblemStore
{
    Task<Problem> CreateAsync(ProblemSpec spec, Actor actor, CancellationToken cancellationToken);

    Task<Problem?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Replaces the spec; Conflict when <paramref name="expectedVersion"/> is not the current version.</summary>
    Task<Problem> UpdateAsync(string id, long expectedVersion, ProblemSpec spec, Actor actor, CancellationToken cancellationToken);

    /// <summary>Problems newest first, optionally only those linked to a CI and/or only known errors.</summary>
    Task<Page<Problem>> ListAsync(string? ciId, bool knownErrorsOnly, int first, string? after, CancellationToken cancellationToken);
}
