using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.GraphQL.DataLoaders;

/// <summary>Access to the per-request loaders of the current request.</summary>
public static class ResolveContextExtensions
{
    public static CiLoader CiLoader(this IResolveFieldContext context) => Services(context).GetRequiredService<CiLoader>();

    public static RelationshipLoader RelationshipLoader(this IResolveFieldContext context) => Services(context).GetRequiredService<RelationshipLoader>();

    /// <summary>Any per-request loader registered in the container.</summary>
    public static T RequestLoader<T>(this IResolveFieldContext context)
        where T : notnull => Services(context).GetRequiredService<T>();

    /// <summary>Forgets what the loaders cached, so reads after a write see it.</summary>
    public static void ClearLoaders(this IResolveFieldContext context)
    {
        context.CiLoader().Clear();
        context.RelationshipLoader().Clear();
        context.RequestLoader<CiSourcesLoader>().Clear();
    }

    private static IServiceProvider Services(IResolveFieldContext context) =>
        context.RequestServices
        ?? throw new InvalidOperationException("ExecutionOptions.RequestServices must be set to a per-request scope.");
}
