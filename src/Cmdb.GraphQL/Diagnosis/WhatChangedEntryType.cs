using Cmdb.GraphQL.Types;
using GraphQL.Types;

namespace Cmdb.GraphQL.Diagnosis;

public sealed class WhatChangedEntryType : ObjectGraphType<WhatChangedEntry>
{
    public WhatChangedEntryType()
    {
        Name = "WhatChangedEntry";
        Description = "One audited change in the upstream neighbourhood of the CIs asked about.";
        Field<NonNullGraphType<DateTimeType>>("at").Description("Commit time.").Resolve(c => c.Source.Audit.Entry.At);
        Field<NonNullGraphType<IdGraphType>>("ciId").Description("The CI it concerns (for a relationship, the end in the neighbourhood).").Resolve(c => c.Source.Audit.CiId);
        Field<ConfigurationItemType>("ci").Description("That CI now.").Resolve(c => DiagnosisCis.Load(c, c.Source.Audit.CiId, null));
        Field<IdGraphType>("otherCiId").Description("For a relationship, its other end.").Resolve(c => c.Source.Audit.OtherCiId);
        Field<NonNullGraphType<IntGraphType>>("depth").Description("Hops from the nearest CI asked about (0 = one of them).").Resolve(c => c.Source.Depth);
        Field<NonNullGraphType<DiagnosisChangeKindType>>("kind").Description("Declared by a change record, seen only by discovery, or manual.").Resolve(c => c.Source.Kind);
        Field<IdGraphType>("changeId").Description("The change record whose window covers it.").Resolve(c => c.Source.ChangeId);
        Field<NonNullGraphType<StringGraphType>>("actor").Resolve(c => c.Source.Audit.Entry.Actor);
        Field<NonNullGraphType<StringGraphType>>("operation").Description("create, update, retire, relate, unrelate.").Resolve(c => c.Source.Audit.Entry.Operation);
        Field<NonNullGraphType<StringGraphType>>("entityKind").Description("ci or relationship.").Resolve(c => c.Source.Audit.Entry.EntityKind);
        Field<NonNullGraphType<IdGraphType>>("entityId").Resolve(c => c.Source.Audit.Entry.EntityId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FieldChangeType>>>>("changes").Resolve(c => c.Source.Audit.Entry.Changes);
    }
}
