namespace Cmdb.Discovery.Sources.BulkFolder;

/// <summary>The raw text of one bulk file.</summary>
/// <param name="Scope">The file's name within the folder (the scope).</param>
/// <param name="Input">The file's full path, for error messages.</param>
/// <param name="Text">The content.</param>
public sealed record BulkFile(string Scope, string Input, string Text)
{
    public bool IsCsv => Input.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
}
