namespace Cmdb.Discovery.Framework;

/// <summary>How a run ended (or that it is still running).</summary>
public enum DiscoveryRunStatus
{
    Running,

    /// <summary>Every scope completed.</summary>
    Succeeded,

    /// <summary>Some scopes completed, some did not: only the completed ones could retire anything.</summary>
    Partial,

    /// <summary>Nothing completed (error or timeout): nothing was retired.</summary>
    Failed,

    /// <summary>Not run: another run of the same source was in progress.</summary>
    Skipped,
}
