using Cmdb.Domain.Items;

namespace Cmdb.Domain.Changes;

/// <summary>
/// The system of record for standard-change templates. Every write is audited in the same transaction and validated
/// (<see cref="ChangeTemplateRules"/>) before anything is written.
/// </summary>
public interface IChangeTemplateStore
{
    Task<ChangeTemplate> CreateTemplateAsync(ChangeTemplateSpec spec, Actor actor, CancellationToken cancellationToken);

    Task<ChangeTemplate?> GetTemplateAsync(string id, CancellationToken cancellationToken);

    /// <summary>Replaces the fields of an active template; Conflict when the version moved on or it is retired.</summary>
    Task<ChangeTemplate> UpdateTemplateAsync(string id, long expectedVersion, ChangeTemplateSpec spec, Actor actor, CancellationToken cancellationToken);

    /// <summary>Retires a template: it stays readable but shields no change. Conflict when already retired or the version moved on.</summary>
    Task<ChangeTemplate> RetireTemplateAsync(string id, long expectedVersion, Actor actor, CancellationToken cancellationToken);

    /// <summary>Templates by name; retired ones only when asked.</summary>
    Task<IReadOnlyList<ChangeTemplate>> ListTemplatesAsync(bool includeRetired, CancellationToken cancellationToken);
}
