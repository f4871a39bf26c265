namespace Cmdb.Domain.Changes;

/// <summary>
/// One reason in an assessment. <see cref="Value"/> is the measured quantity (a count, a rate, 0/1 for yes/no),
/// <see cref="Signal"/> its normalised 0..1 strength, <see cref="Weight"/> the configured maximum and
/// <see cref="Contribution"/> the whole points it adds; contributions of all factors add up to the score.
/// <see cref="CiIds"/> are the CIs the explanation names by id (so a front end can show their names).
/// </summary>
public sealed record RiskFactor(string Name, double Value, double Signal, int Weight, int Contribution, string Explanation, IReadOnlyList<string> CiIds);
