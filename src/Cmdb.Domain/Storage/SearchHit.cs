using Cmdb.Domain.Items;

namespace Cmdb.Domain.Storage;

/// <summary>A CI found by text search, with its relevance (higher is better).</summary>
public sealed record SearchHit(ConfigurationItem Ci, double Score);
