namespace Cmdb.Discovery.Sources.LocalHost;

/// <summary>Options of the source that discovers the Linux host it runs on.</summary>
public sealed class LocalHostOptions
{
    /// <summary>Where <c>proc/</c>, <c>sys/</c> and <c>etc/</c> are found; tests point it at a fixture tree.</summary>
    /// <value><c>/</c>.</value>
    public string RootPath { get; set; } = "/";

    /// <summary>The scope name.</summary>
    /// <value>Null: <c>host:</c> followed by the host name.</value>
    public string? Scope { get; set; }

    /// <summary>
    /// Whether a process's full command line is kept as an attribute. Off by default: command lines often carry
    /// passwords and tokens, and anyone who can read the CMDB would see them.
    /// </summary>
    /// <value>False.</value>
    public bool IncludeCommandLine { get; set; }
}
