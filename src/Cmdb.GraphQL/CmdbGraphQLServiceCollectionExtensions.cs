using System.Text.Encodings.Web;
using Cmdb.GraphQL;
using Cmdb.GraphQL.DataLoaders;
using Cmdb.GraphQL.Errors;
using Cmdb.GraphQL.Execution;
using Cmdb.GraphQL.Types.Impact;
using Cmdb.GraphQL.Validation;
using GraphQL;
using GraphQLParser.AST;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Cmdb GraphQL schema.</summary>
public static class CmdbGraphQLServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CmdbSchema"/> with GraphQL.NET: <c>IDocumentExecuter</c>, <c>ISchema</c> and
    /// <c>IGraphQLTextSerializer</c> (System.Text.Json), the error shaping, the depth, complexity and alias limits, and
    /// the per-request data loaders, and the cache of validated documents.
    /// </summary>
    /// <remarks>
    /// The schema is a singleton; the data loaders are scoped, so the caller must execute each request with
    /// <c>ExecutionOptions.RequestServices</c> set to a per-request scope. The schema needs an <c>ICmdbStore</c>
    /// registered by a storage backend. Options bind to <see cref="CmdbGraphQLOptions.SectionName"/> when an
    /// <c>IConfiguration</c> is registered; <paramref name="configure"/> runs after binding, so code wins. Options
    /// are validated at start-up. A write is audited under the <c>Actor</c> found in <c>ExecutionOptions.UserContext</c>
    /// under <see cref="CmdbUserContext.ActorKey"/>, else under the user <c>anonymous</c>.
    /// </remarks>
    public static IServiceCollection AddCmdbGraphQL(this IServiceCollection services, Action<CmdbGraphQLOptions>? configure = null)
    {
        var options = services.AddOptions<CmdbGraphQLOptions>();
        if (services.Any(d => d.ServiceType == typeof(IConfiguration)))
            options.BindConfiguration(CmdbGraphQLOptions.SectionName);
        if (configure is not null) options.Configure(configure);
        options.ValidateDataAnnotations().ValidateOnStart();

        services.AddCmdbImpact();
        services.AddCmdbChanges();
        services.AddCmdbIncidents();
        services.AddCmdbDiagnosis();
        services.AddScoped<CiLoader>();
        services.AddScoped<CiHeaderLoader>();
        services.AddScoped<RelationshipLoader>();
        services.AddScoped<CiSourcesLoader>();
        services.AddScoped<PageLoaders>();
        services.AddSingleton<ValidatedDocumentCache>();
        services.AddGraphQL(b => b
            .AddSchema<CmdbSchema>()
            .AddGraphTypes(typeof(CmdbSchema).Assembly)
            .AddSystemTextJson(o => o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping) // messages quote names: keep ' readable
            .AddErrorInfoProvider<CmdbErrorInfoProvider>()
            .AddExecutionStrategy<MutationExecutionStrategy>(OperationType.Mutation)
            .AddUnhandledExceptionHandler(LogUnhandled)
            .AddComplexityAnalyzer((c, sp) =>
            {
                var o = sp.GetRequiredService<IOptions<CmdbGraphQLOptions>>().Value;
                c.MaxDepth = o.MaxDepth;
                c.MaxComplexity = o.MaxComplexity;
                c.ValidateComplexityDelegate = IntrospectionExemption.Apply;
            })
            .AddValidationRule(sp => new AliasLimitRule(sp.GetRequiredService<IOptions<CmdbGraphQLOptions>>().Value.MaxAliases))
            .ConfigureExecution(sp => sp.GetRequiredService<ValidatedDocumentCache>())
            .ConfigureExecution(ImpactResultLifetime.ExecuteAsync)
            .ConfigureSchema(s =>
            {
                s.Features.RepeatableDirectives = true;
                s.Features.DeprecationOfInputValues = true;
            }));
        return services;
    }

    private static void LogUnhandled(GraphQL.Execution.UnhandledExceptionContext context)
    {
        if (context.OriginalException is Cmdb.Domain.Errors.CmdbException or OperationCanceledException) return;
        var logger = context.ExecutionOptions.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger("Cmdb.GraphQL");
        logger?.LogError(context.OriginalException, "Unhandled error while executing a GraphQL request at {Path}.", context.FieldContext?.Path);
    }
}
