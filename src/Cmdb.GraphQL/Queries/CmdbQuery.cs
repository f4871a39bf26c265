using Cmdb.Domain.Storage;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace Cmdb.GraphQL.Queries;

/// <summary>
/// The query root, split by facet (<c>CmdbQuery.Items.cs</c>, <c>CmdbQuery.Search.cs</c>, ...). A new facet adds a
/// partial file with an <c>AddXFields()</c> method and one call below. Each field delegates in one step.
/// </summary>
public sealed partial class CmdbQuery : ObjectGraphType
{
    private readonly ICmdbStore _store;
    private readonly CmdbGraphQLOptions _options;

    public CmdbQuery(ICmdbStore store, IOptions<CmdbGraphQLOptions> options)
    {
        _store = store;
        _options = options.Value;
        Name = "Query";
        Description = "Reads. Every read of CIs takes an optional asOf moment; nested fields read at the same moment.";
        AddItemFields();
        AddSearchFields();
        AddHistoryFields();
        AddModelFields();
        AddImpactFields();
        AddChangeFields();
        AddDiscoveryFields();
        AddIncidentFields();
        AddDiagnosisFields();
    }
}
