using Cmdb.Domain.Errors;

namespace Cmdb.Domain.Incidents;

/// <summary>
/// The legal state moves of an incident. A resolved incident may be reopened (back to INVESTIGATING) when the fix
/// did not hold; CLOSED is final, so a recurrence after closing is a new incident. RESOLVED is entered only through
/// resolving (which records the resolution and root cause), never by a bare transition.
/// </summary>
public static class IncidentStateMachine
{
    private static readonly Dictionary<IncidentState, IncidentState[]> Moves = new()
    {
        [IncidentState.Open] = [IncidentState.Investigating, IncidentState.Resolved],
        [IncidentState.Investigating] = [IncidentState.Resolved],
        [IncidentState.Resolved] = [IncidentState.Investigating, IncidentState.Closed],
        [IncidentState.Closed] = [],
    };

    public static IReadOnlyList<IncidentState> Next(IncidentState from) => Moves[from];

    public static bool IsFinal(IncidentState state) => Moves[state].Length == 0;

    /// <summary>True for OPEN and INVESTIGATING: the incident is still hurting someone.</summary>
    public static bool IsActive(IncidentState state) => state is IncidentState.Open or IncidentState.Investigating;

    public static bool CanMove(IncidentState from, IncidentState to) => Array.IndexOf(Moves[from], to) >= 0;

    /// <summary>Returns <paramref name="to"/> when the move is legal; otherwise a Conflict naming both states.</summary>
    public static IncidentState Move(IncidentState from, IncidentState to)
    {
        if (CanMove(from, to)) return to;
        var next = Moves[from];
        var hint = next.Length == 0
            ? $"{Name(from)} is final: nothing can follow it."
            : $"From {Name(from)} it can move to {string.Join(", ", next.Select(Name))}.";
        throw CmdbException.Conflict($"An incident cannot move from {Name(from)} to {Name(to)}. {hint}", "state");
    }

    /// <summary>The API spelling of a state, used in messages.</summary>
    public static string Name(IncidentState state) => state.ToString().ToUpperInvariant();
}
