using Cmdb.Discovery.Framework;
using Cmdb.GraphQL.Types;
using GraphQL.Types;

namespace Cmdb.GraphQL.Discovery;

public sealed class ReconciliationConflictType : ObjectGraphType<ReconciliationConflict>
{
    public ReconciliationConflictType()
    {
        Name = "ReconciliationConflict";
        Description = "A discovered item whose identifiers matched two or more CIs: nothing was written for it. Merge or fix the CIs, and the next run matches.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The conflict id.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("source").Description("The source that found it.").Resolve(c => c.Source.Source);
        Field<NonNullGraphType<IdGraphType>>("runId").Description("The run that found it.").Resolve(c => c.Source.RunId);
        Field<NonNullGraphType<StringGraphType>>("scope").Description("The scope it was found in.").Resolve(c => c.Source.Scope);
        Field<NonNullGraphType<StringGraphType>>("class").Description("The discovered item's class.").Resolve(c => c.Source.Class);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The discovered item's name.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdentifierType>>>>("identifiers").Description("The discovered identifiers.")
            .Resolve(c => c.Source.Identifiers.OrderBy(p => p.Key, StringComparer.Ordinal));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("candidateCiIds").Description("The CIs it matched, at least two.").Resolve(c => c.Source.CandidateCiIds);
        Field<NonNullGraphType<DateTimeType>>("detectedAt").Description("When it was found.").Resolve(c => c.Source.DetectedAt);
    }
}
