using Cmdb.GraphQL.Types.Model;
using GraphQL.Types;

namespace Cmdb.GraphQL.Queries;

public sealed partial class CmdbQuery
{
    private void AddModelFields()
    {
        Field<NonNullGraphType<ModelType>>("model")
            .Description("The classes and relationship types in force.")
            .Resolve(_ => _store.Model);
    }
}
