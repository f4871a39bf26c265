using Cmdb.GraphQL.Diagnosis;
using Cmdb.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace Cmdb.GraphQL.Queries;

public sealed partial class CmdbQuery
{
    private void AddDiagnosisFields()
    {
        Field<NonNullGraphType<DiagnosisType>>("diagnose")
            .Description("Ranked probable causes of an incident (incidentId) or of symptoms given directly (input), each with its evidence: symptoms explained, "
                + "healthy dependents, changes on or next to it before the start (declared, or seen only by discovery), firing events and past root-cause record. "
                + "Read on the topology as of the start. Exactly one of incidentId and input.")
            .Argument<IdGraphType>("incidentId", "A recorded incident: its symptoms and start are used.")
            .Argument<DiagnoseInputType>("input", "Symptoms and a start, without a recorded incident.")
            .ResolveAsync(async c => await DiagnosisType.Operations(c).DiagnoseAsync(
                c.GetArgument<string?>("incidentId"), c.GetArgument<DiagnoseInput?>("input"), DiagnosisType.Operations(c).Engine.Options.MaxFirst, c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WhatChangedEntryType>>>>("whatChanged")
            .Description("Every audited change on the CIs and their upstream neighbourhood (what they depend on, up to depth hops) in [since, until], newest first (at most 1000).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ciIds", "The CIs asked about (1 to 100).")
            .Argument<NonNullGraphType<DateTimeType>>("since", "Start of the period.")
            .Argument<DateTimeType>("until", "End of the period (default now).")
            .Argument<IntGraphType>("depth", "Hops upstream (0 to 10, default 3).")
            .ResolveAsync(async c => await DiagnosisType.Operations(c).WhatChangedAsync(
                c.GetArgument<string[]>("ciIds"), c.GetArgument<DateTimeOffset>("since"), c.GetArgument<DateTimeOffset?>("until"),
                c.GetArgument<int?>("depth"), c.CancellationToken));
    }
}
