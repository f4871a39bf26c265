using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Inputs;

/// <summary>The settable CI fields shared by <see cref="CiInputType"/> and <see cref="CiChangesInputType"/>.</summary>
internal static class CiInputFields
{
    public static void Add(IComplexGraphType type)
    {
        Add<StringGraphType>(type, "name", "Display name (required for a new CI).");
        Add<CiStatusType>(type, "status", "Lifecycle status (a new CI is ACTIVE by default).");
        Add<StringGraphType>(type, "environment", "Lower-case environment, e.g. production.");
        Add<IntGraphType>(type, "criticality", "1 (most critical) to 4.");
        Add<StringGraphType>(type, "owner", "Accountable owner.");
        Add<StringGraphType>(type, "supportGroup", "Who is called when it breaks.");
        Add<ListGraphType<NonNullGraphType<StringGraphType>>>(type, "tags", "The full set of tags (replaces the stored set).");
        Add<JsonGraphType>(type, "attributes", "A JSON object of attributes to set; null values remove attributes.");
        Add<ListGraphType<NonNullGraphType<IdentifierInputType>>>(type, "identifiers", "Identifiers to add or change.");
        Add<IntGraphType>(type, "minHealthy", "For a redundancy group: how many members it needs up.");
    }

    private static void Add<TGraphType>(IComplexGraphType type, string name, string description)
        where TGraphType : IGraphType =>
        type.AddField(new FieldType { Name = name, Type = typeof(TGraphType), Description = description });
}
