using Cmdb.Domain.Relationships;

namespace Cmdb.GraphQL.DataLoaders;

/// <summary>The relationships of one CI in a direction, of some types (null: all), as of a moment.</summary>
/// <param name="CiId">The CI.</param>
/// <param name="Direction">Which end the CI is.</param>
/// <param name="Types">Type names joined by commas, sorted (a value key); null for all types.</param>
/// <param name="AsOf">The moment (null: now).</param>
public readonly record struct RelationshipKey(string CiId, Direction Direction, string? Types, DateTimeOffset? AsOf)
{
    public static RelationshipKey Create(string ciId, Direction direction, IReadOnlyCollection<string>? types, DateTimeOffset? asOf) =>
        new(ciId, direction, types is null ? null : string.Join(',', types.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)), asOf);

    public IReadOnlyCollection<string>? TypeList => Types is null ? null : Types.Length == 0 ? [] : Types.Split(',');
}
