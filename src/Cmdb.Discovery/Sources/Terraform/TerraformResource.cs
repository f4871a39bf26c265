namespace Cmdb.Discovery.Sources.Terraform;

/// <summary>One resource block of the state, with its instances.</summary>
internal sealed record TerraformResource(string Mode, string Type, string Name, string? Module, string? Provider, string Address, List<TerraformInstance> Instances);
