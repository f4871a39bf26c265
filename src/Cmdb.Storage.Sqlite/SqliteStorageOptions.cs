namespace Cmdb.Storage.Sqlite;

/// <summary>Settings of the embedded SQLite store (configuration section <see cref="SectionName"/>).</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Cmdb:Storage:Sqlite";

    /// <summary>The database file; its directory is created when missing.</summary>
    /// <value>Default <c>./data/cmdb.db</c>.</value>
    public string DatabasePath { get; set; } = "./data/cmdb.db";

    /// <summary>
    /// How long superseded CI versions, released identifiers, removed relationships and audit entries are kept.
    /// Older history is deleted when the store opens; current state is always kept.
    /// </summary>
    /// <value>Default 400 days.</value>
    public int RetentionDays { get; set; } = 400;

    /// <summary>How long a connection waits for a lock held by another process before failing, in milliseconds.</summary>
    /// <value>Default 5000.</value>
    public int BusyTimeoutMilliseconds { get; set; } = 5000;
}
