namespace Cmdb.Discovery.Sources.Compose;

/// <summary>The raw text of one compose file, as read.</summary>
/// <param name="Input">The file's path (the scope, and the name used in error messages).</param>
/// <param name="ProjectName">The configured project name, or null.</param>
/// <param name="Yaml">The file's content.</param>
public sealed record ComposeRaw(string Input, string? ProjectName, string Yaml);
