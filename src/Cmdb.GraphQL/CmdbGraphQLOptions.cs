using System.ComponentModel.DataAnnotations;

namespace Cmdb.GraphQL;

/// <summary>Limits of the GraphQL API (configuration section <see cref="SectionName"/>). Validated at start-up.</summary>
public sealed class CmdbGraphQLOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Cmdb:GraphQL";

    /// <summary>The largest <c>first</c> a list or connection accepts (at most 1000, the store's own limit).</summary>
    /// <value>Default 500.</value>
    [Range(1, 1_000)]
    public int MaxPageSize { get; set; } = 500;

    /// <summary>The deepest field nesting a document may have (introspection is exempt).</summary>
    /// <value>Default 15.</value>
    [Range(2, 100)]
    public int MaxDepth { get; set; } = 15;

    /// <summary>The highest complexity score (GraphQL.NET's analyzer: lists multiply by <c>first</c>, else by 5).</summary>
    /// <value>Default 50,000.</value>
    [Range(10, 10_000_000)]
    public int MaxComplexity { get; set; } = 50_000;

    /// <summary>The most aliased fields a document may use.</summary>
    /// <value>Default 30.</value>
    [Range(0, 1_000)]
    public int MaxAliases { get; set; } = 30;

    /// <summary>The largest <c>depth</c> a <c>neighbours</c> field accepts.</summary>
    /// <value>Default 6.</value>
    [Range(1, 50)]
    public int MaxNeighbourDepth { get; set; } = 6;

    /// <summary>
    /// How many characters of document text the validated-document cache keeps (0 turns it off). A repeated document
    /// then skips parsing and the document-only validation rules.
    /// </summary>
    /// <value>Default 1,000,000 (a few MB of syntax trees).</value>
    [Range(0, 100_000_000)]
    public int DocumentCacheSize { get; set; } = 1_000_000;
}
