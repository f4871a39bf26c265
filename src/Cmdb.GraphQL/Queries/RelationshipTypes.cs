using Cmdb.Domain.Model;

namespace Cmdb.GraphQL.Queries;

/// <summary>Checks relationship type names given as arguments against the model.</summary>
public static class RelationshipTypes
{
    /// <summary>The names, each known to the model (else a MODEL_VIOLATION naming it); null stays null (all types).</summary>
    public static IReadOnlyCollection<string>? Check(ModelCatalog model, string[]? types)
    {
        if (types is null) return null;
        foreach (var t in types) model.GetRelationshipType(t, "types");
        return types;
    }
}
