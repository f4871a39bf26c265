using Cmdb.GraphQL.DataLoaders;
using Cmdb.GraphQL.Types;
using GraphQL;
using GraphQL.DataLoader;

namespace Cmdb.GraphQL.Diagnosis;

/// <summary>Loads a CI by id for the diagnosis types, batched through the request's CI loader.</summary>
internal static class DiagnosisCis
{
    public static IDataLoaderResult<CiNode?> Load(IResolveFieldContext context, string id, DateTimeOffset? asOf) =>
        context.CiLoader().Load(new CiKey(id, asOf)).Then(ci => ci is null ? null : new CiNode(ci, asOf));
}
