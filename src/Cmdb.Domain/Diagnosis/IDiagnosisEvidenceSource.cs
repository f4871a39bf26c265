namespace Cmdb.Domain.Diagnosis;

/// <summary>
/// The port through which diagnosis reads its evidence: change records and audited changes, monitoring events and
/// past root causes. The engine itself never does I/O; an adapter over the stores implements this.
/// </summary>
public interface IDiagnosisEvidenceSource
{
    /// <summary>
    /// Evidence on <paramref name="ciIds"/>: changes in [<paramref name="from"/>, <paramref name="to"/>], events firing
    /// at <paramref name="to"/> or started in the window, and root-cause counts of incidents resolved before <paramref name="to"/>.
    /// </summary>
    Task<DiagnosisEvidence> GatherAsync(IReadOnlyCollection<string> ciIds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
