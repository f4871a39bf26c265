namespace Cmdb.Discovery.Framework.Engine;

/// <summary>One CI a complete scope no longer reports, and what happens to it.</summary>
internal sealed record MissedCi(string Scope, string CiId, int Missed, string Reason);

/// <summary>What a run's complete scopes did not report: missed counts, retirements, and retirements held back.</summary>
internal sealed class StalenessPlan
{
    public List<MissedCi> Missed { get; } = [];

    public List<MissedCi> Retire { get; } = [];

    public List<MissedCi> Held { get; } = [];

    /// <summary>CIs of this source missed at least once and not retired, after the run.</summary>
    public int StaleCount { get; set; }
}
