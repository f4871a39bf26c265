namespace Cmdb.Discovery.Sources.Compose;

/// <summary>One compose file and, optionally, its project name.</summary>
public sealed class ComposeFile
{
    /// <summary>Path of the <c>docker-compose.yml</c> / <c>compose.yaml</c>.</summary>
    public string Path { get; set; } = "";

    /// <summary>
    /// Project name, as <c>docker compose -p</c> would take it. When null: the file's top-level <c>name:</c>, else the
    /// name of the folder holding the file (Compose's own rule), lower-cased.
    /// </summary>
    /// <value>Null.</value>
    public string? ProjectName { get; set; }
}
