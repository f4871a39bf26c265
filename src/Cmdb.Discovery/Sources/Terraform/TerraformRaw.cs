namespace Cmdb.Discovery.Sources.Terraform;

/// <summary>The raw text of one state file, as read.</summary>
/// <param name="Scope">The scope the file stands for.</param>
/// <param name="Input">Where the text came from (path), for error messages.</param>
/// <param name="Name">The configured state name, or null to use the lineage.</param>
/// <param name="Json">The file's content.</param>
public sealed record TerraformRaw(string Scope, string Input, string? Name, string Json);
