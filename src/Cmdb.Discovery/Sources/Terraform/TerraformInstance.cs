using System.Text.Json;

namespace Cmdb.Discovery.Sources.Terraform;

/// <summary>One instance of a resource (one per count index or for_each key).</summary>
internal sealed record TerraformInstance(string Address, string? IndexKey, JsonElement? Attributes, HashSet<string> Sensitive, List<string> DependsOn);
