using Cmdb.Domain.Storage;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types;

/// <summary>A search result.</summary>
public sealed class SearchHitType : ObjectGraphType<SearchHit>
{
    public SearchHitType()
    {
        Name = "SearchHit";
        Description = "A CI found by text search.";
        Field<NonNullGraphType<ConfigurationItemType>>("ci").Description("The CI (current state).").Resolve(c => new CiNode(c.Source.Ci, null));
        Field<NonNullGraphType<FloatGraphType>>("score").Description("Relevance; higher is better.").Resolve(c => c.Source.Score);
    }
}
