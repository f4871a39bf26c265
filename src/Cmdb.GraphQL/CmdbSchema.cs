using Cmdb.GraphQL.Mutations;
using Cmdb.GraphQL.Queries;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.GraphQL;

/// <summary>The Cmdb GraphQL schema: <see cref="CmdbQuery"/> and <see cref="CmdbMutation"/>.</summary>
public sealed class CmdbSchema : Schema
{
    public CmdbSchema(IServiceProvider services)
        : base(services)
    {
        Description = "Cmdb: configuration items, their typed relationships and their history, readable as of any moment.";
        Query = services.GetRequiredService<CmdbQuery>();
        Mutation = services.GetRequiredService<CmdbMutation>();
    }
}
