namespace Cmdb.Discovery.Sources.Compose;

/// <summary>Which Docker Compose files to read; each file is one scope.</summary>
public sealed class ComposeOptions
{
    /// <summary>The compose files.</summary>
    /// <value>Empty by default.</value>
    public IList<ComposeFile> Files { get; init; } = [];
}
