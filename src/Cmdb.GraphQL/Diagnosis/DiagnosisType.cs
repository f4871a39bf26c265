using Cmdb.Domain.Errors;
using Cmdb.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.GraphQL.Diagnosis;

public sealed class DiagnosisType : ObjectGraphType<DiagnosisNode>
{
    public DiagnosisType()
    {
        Name = "Diagnosis";
        Description = "Probable causes of an incident's symptoms, best first, each with its evidence; read on the topology as of the start.";
        Field<NonNullGraphType<DateTimeType>>("startedAt").Description("The start the topology and the change window are anchored to.").Resolve(c => c.Source.Result.StartedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("symptomCiIds").Description("The symptoms diagnosed (distinct).")
            .Resolve(c => c.Source.Result.SymptomCiIds);
        Field<NonNullGraphType<IntGraphType>>("candidateCount").Description("CIs whose trouble could reach a symptom (the upstream closure), all scored.")
            .Resolve(c => c.Source.Result.CandidateCount);
        Field<NonNullGraphType<BooleanGraphType>>("candidatesTruncated").Description("True when the closure exceeded the limit and only the nearest CIs were scored.")
            .Resolve(c => c.Source.Result.CandidatesTruncated);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProbableCauseType>>>>("causes")
            .Description("Ranked probable causes, most likely first. Both halves of a two-fault explanation are ranked together.")
            .Argument<IntGraphType>("first", "How many (1 to 100, default 10).", a => a.DefaultValue = 10)
            .Resolve(c =>
            {
                var first = c.GetArgument("first", 10);
                if (first < 1 || first > 100) throw CmdbException.Invalid($"Ask for between 1 and 100 causes; got {first}.", "first");
                return c.Source.Result.Causes.Take(first).Select(x => new CauseNode(x, c.Source.Result.StartedAt));
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelatedIncidentType>>>>("relatedIncidents")
            .Description("Other open incidents whose top causes overlap these (a possible major incident). Each is diagnosed too, so ask only when needed.")
            .ResolveAsync(async c => await Operations(c).RelatedAsync(c.Source, c.CancellationToken));
    }

    internal static DiagnosisOperations Operations(IResolveFieldContext context) =>
        (context.RequestServices ?? throw new InvalidOperationException("ExecutionOptions.RequestServices must be set.")).GetRequiredService<DiagnosisOperations>();
}
