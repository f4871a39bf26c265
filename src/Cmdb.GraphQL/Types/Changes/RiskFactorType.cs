using Cmdb.Domain.Changes;
using Cmdb.Domain.Storage;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Changes;

public sealed class RiskFactorType : ObjectGraphType<RiskFactor>
{
    public RiskFactorType(ICmdbStore store)
    {
        Name = "RiskFactor";
        Description = "One reason in a risk assessment. The contributions of all factors add up to the score.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The factor, e.g. blastRadius or freezeWindow.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<FloatGraphType>>("value").Description("What was measured: a count, a rate, or 1/0 for yes/no.").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<FloatGraphType>>("signal").Description("The measurement normalised to 0..1.").Resolve(c => c.Source.Signal);
        Field<NonNullGraphType<IntGraphType>>("weight").Description("The most points this factor can add (configured).").Resolve(c => c.Source.Weight);
        Field<NonNullGraphType<IntGraphType>>("contribution").Description("The points it adds to the score.").Resolve(c => c.Source.Contribution);
        Field<NonNullGraphType<StringGraphType>>("explanation")
            .Description("One sentence for a change manager; the CIs it mentions are named (their ids are in cis).")
            .ResolveAsync(async c => await NamedAsync(store, c.Source, c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConfigurationItemType>>>>("cis")
            .Description("The CIs the explanation mentions, current state.")
            .ResolveAsync(async c => await ChangeCis.ReadAsync(store, c.Source.CiIds, c.CancellationToken));
    }

    /// <summary>The domain names CIs by id (it knows no names); people read names.</summary>
    private static async Task<string> NamedAsync(ICmdbStore store, RiskFactor factor, CancellationToken cancellationToken)
    {
        if (factor.CiIds.Count == 0) return factor.Explanation;
        var cis = await store.GetCisAsync(factor.CiIds, null, cancellationToken);
        var text = factor.Explanation;
        foreach (var (id, ci) in cis) text = text.Replace(id, ci.Name, StringComparison.Ordinal);
        return text;
    }
}
