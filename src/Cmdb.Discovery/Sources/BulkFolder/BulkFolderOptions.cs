namespace Cmdb.Discovery.Sources.BulkFolder;

/// <summary>The folder whose bulk files (<c>*.json</c> import documents, <c>*.csv</c> CI tables) are read.</summary>
public sealed class BulkFolderOptions
{
    /// <summary>The folder. Only files directly inside it are read; each file is one scope.</summary>
    /// <value>Empty: must be set.</value>
    public string FolderPath { get; set; } = "";
}
