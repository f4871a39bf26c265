namespace Cmdb.Domain.Events;

/// <summary>The summary of one ingest call; <see cref="Outcomes"/> follows the input order.</summary>
public sealed record IngestResult(
    int Accepted,
    int New,
    int Updated,
    int Mapped,
    int Unmapped,
    IReadOnlyList<IngestOutcome> Outcomes);
