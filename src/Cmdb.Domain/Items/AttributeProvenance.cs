namespace Cmdb.Domain.Items;

/// <summary>Who last set a field or attribute of a CI, and when.</summary>
/// <param name="Source">The actor: a discovery source name, a user or an API key (see <see cref="Actor.Describe"/>).</param>
/// <param name="At">When it was set.</param>
public sealed record AttributeProvenance(string Source, DateTimeOffset At);
