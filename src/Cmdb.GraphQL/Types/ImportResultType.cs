using Cmdb.GraphQL.Mutations;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types;

/// <summary>The result of an import.</summary>
public sealed class ImportResultType : ObjectGraphType<ImportResult>
{
    public ImportResultType()
    {
        Name = "ImportResult";
        Description = "What an import did, counted by outcome.";
        Field<NonNullGraphType<IntGraphType>>("created").Description("CIs created.").Resolve(c => c.Source.Created);
        Field<NonNullGraphType<IntGraphType>>("updated").Description("CIs changed.").Resolve(c => c.Source.Updated);
        Field<NonNullGraphType<IntGraphType>>("unchanged").Description("CIs already as imported.").Resolve(c => c.Source.Unchanged);
        Field<NonNullGraphType<IntGraphType>>("relationshipsCreated").Description("Relationships created.").Resolve(c => c.Source.RelationshipsCreated);
        Field<NonNullGraphType<IntGraphType>>("relationshipsUnchanged").Description("Relationships that already existed.").Resolve(c => c.Source.RelationshipsUnchanged);
        Field<NonNullGraphType<DateTimeType>>("committedAt").Description("When the import was committed.").Resolve(c => c.Source.CommittedAt);
    }
}
