using Cmdb.Domain.Storage;
using Cmdb.GraphQL.DataLoaders;
using GraphQL;
using GraphQL.Types;

namespace Cmdb.GraphQL.Mutations;

/// <summary>
/// The mutation root, split by facet. Mutations run one after another (GraphQL's serial execution); each is one
/// atomic <see cref="ICmdbStore.ApplyAsync"/> batch audited under the request's actor (<see cref="CmdbUserContext"/>).
/// </summary>
public sealed partial class CmdbMutation : ObjectGraphType
{
    private readonly ICmdbStore _store;

    public CmdbMutation(ICmdbStore store)
    {
        _store = store;
        Name = "Mutation";
        Description = "Writes. Each mutation is atomic: it is applied entirely or, on any error, not at all.";
        AddItemFields();
        AddRelationshipFields();
        AddImportFields();
        AddChangeFields();
        AddDiscoveryFields();
        AddIncidentFields();
    }

    private async Task<WriteResult> ApplyAsync(IResolveFieldContext context, WriteBatch batch)
    {
        var result = await _store.ApplyAsync(batch, CmdbUserContext.ActorOf(context), context.CancellationToken);
        context.ClearLoaders(); // later reads in this request must see the write
        return result;
    }
}
