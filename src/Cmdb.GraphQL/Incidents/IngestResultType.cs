using Cmdb.Domain.Events;
using GraphQL.Types;

namespace Cmdb.GraphQL.Incidents;

public sealed class IngestResultType : ObjectGraphType<IngestResult>
{
    public IngestResultType()
    {
        Name = "IngestResult";
        Description = "What an ingest stored: counts, and one outcome per event in the order sent.";
        Field<NonNullGraphType<IntGraphType>>("accepted").Description("Events stored (all of them, or the call failed).").Resolve(c => c.Source.Accepted);
        Field<NonNullGraphType<IntGraphType>>("created").Description("Events seen for the first time.").Resolve(c => c.Source.New);
        Field<NonNullGraphType<IntGraphType>>("updated").Description("Re-sends that updated a stored event (same source, fingerprint and start).").Resolve(c => c.Source.Updated);
        Field<NonNullGraphType<IntGraphType>>("mapped").Description("Events mapped to a CI.").Resolve(c => c.Source.Mapped);
        Field<NonNullGraphType<IntGraphType>>("unmapped").Description("Events no rule mapped; they are kept and listed by events(unmappedOnly: true).").Resolve(c => c.Source.Unmapped);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IngestOutcomeType>>>>("outcomes").Description("Per event, in input order.").Resolve(c => c.Source.Outcomes);
    }
}
