using Cmdb.Domain.Events;
using GraphQL.Types;

namespace Cmdb.GraphQL.Incidents;

public sealed class IngestOutcomeType : ObjectGraphType<IngestOutcome>
{
    public IngestOutcomeType()
    {
        Name = "IngestOutcome";
        Description = "What became of one ingested event.";
        Field<NonNullGraphType<IdGraphType>>("eventId").Description("The stored event.").Resolve(c => c.Source.EventId);
        Field<NonNullGraphType<StringGraphType>>("fingerprint").Description("Its fingerprint (given or derived).").Resolve(c => c.Source.Fingerprint);
        Field<NonNullGraphType<BooleanGraphType>>("isNew").Description("True when first seen, false when it updated a stored event.").Resolve(c => c.Source.IsNew);
        Field<IdGraphType>("ciId").Description("The CI it maps to; null when unmapped.").Resolve(c => c.Source.CiId);
        Field<StringGraphType>("mappedBy").Description("What mapped it.").Resolve(c => c.Source.MappedBy);
    }
}
