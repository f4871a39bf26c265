namespace Cmdb.Domain.Diagnosis;

/// <summary>
/// Everything besides the topology that the ranking weighs, keyed by CI id: changes in the window before the start,
/// events firing at the start and how often each CI was the recorded root cause of earlier incidents. CIs with
/// nothing are simply absent.
/// </summary>
public sealed record DiagnosisEvidence(
    IReadOnlyDictionary<string, IReadOnlyList<DiagnosisChange>> Changes,
    IReadOnlyDictionary<string, IReadOnlyList<DiagnosisEvent>> Events,
    IReadOnlyDictionary<string, int> PastRootCauses)
{
    public static DiagnosisEvidence Empty { get; } = new(
        new Dictionary<string, IReadOnlyList<DiagnosisChange>>(), new Dictionary<string, IReadOnlyList<DiagnosisEvent>>(),
        new Dictionary<string, int>());

    /// <summary>Groups loose changes, events and counts by CI (for adapters and tests).</summary>
    public static DiagnosisEvidence From(
        IEnumerable<DiagnosisChange>? changes, IEnumerable<DiagnosisEvent>? events = null, IReadOnlyDictionary<string, int>? pastRootCauses = null) =>
        new(
            (changes ?? []).GroupBy(c => c.CiId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<DiagnosisChange>)[.. g.OrderByDescending(c => c.At)], StringComparer.Ordinal),
            (events ?? []).GroupBy(e => e.CiId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<DiagnosisEvent>)[.. g.OrderByDescending(e => e.StartsAt)], StringComparer.Ordinal),
            pastRootCauses ?? new Dictionary<string, int>());
}
