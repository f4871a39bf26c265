using GraphQL;

namespace Cmdb.GraphQL.DataLoaders;

/// <summary>Access to the per-request loaders of the current request.</summary>
public static class ResolveContextExtensions
{
    public static CiLoader CiLoader(this IResolveFieldContext context) => context.Service<CiLoader>();

    public static CiHeaderLoader CiHeaderLoader(this IResolveFieldContext context) => context.Service<CiHeaderLoader>();

    public static RelationshipLoader RelationshipLoader(this IResolveFieldContext context) => context.Service<RelationshipLoader>();

    /// <summary>Forgets what the loaders cached, so reads after a write see it.</summary>
    public static void ClearLoaders(this IResolveFieldContext context)
    {
        context.CiLoader().Clear();
        context.CiHeaderLoader().Clear();
        context.RelationshipLoader().Clear();
        context.Service<CiSourcesLoader>().Clear();
    }
}
