using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.GraphQL;

/// <summary>
/// The per-request service scope of a resolver. Stores, loaders and operations are scoped per request, so resolvers
/// take them from here rather than from the schema's constructor.
/// </summary>
public static class RequestServicesExtensions
{
    public static IServiceProvider Services(this IResolveFieldContext context) =>
        context.RequestServices
        ?? throw new InvalidOperationException("ExecutionOptions.RequestServices must be set to a per-request scope.");

    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull => context.Services().GetRequiredService<T>();
}
