namespace Cmdb.Discovery.Sources.Terraform;

/// <summary>One state file to read.</summary>
public sealed class TerraformStateFile
{
    /// <summary>Path of the state file (<c>terraform state pull &gt; file</c> output or a local <c>terraform.tfstate</c>).</summary>
    public string Path { get; set; } = "";

    /// <summary>
    /// Name of the state (e.g. <c>prod-network</c>): the scope name, and the prefix that makes resource addresses unique
    /// across states. When null the scope is the path and the prefix is the state's lineage.
    /// </summary>
    /// <value>Null.</value>
    public string? Name { get; set; }
}
