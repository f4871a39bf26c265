using Cmdb.Domain.Errors;

namespace Cmdb.Domain.Changes;

/// <summary>The legal state transitions of a change. Pure: it only answers and refuses.</summary>
public static class ChangeStateMachine
{
    private static readonly Dictionary<ChangeState, ChangeState[]> Moves = new()
    {
        [ChangeState.Draft] = [ChangeState.Assessed, ChangeState.Cancelled],
        [ChangeState.Assessed] = [ChangeState.Approved, ChangeState.Cancelled],
        [ChangeState.Approved] = [ChangeState.Scheduled, ChangeState.Cancelled],
        [ChangeState.Scheduled] = [ChangeState.Implementing, ChangeState.Cancelled],
        [ChangeState.Implementing] = [ChangeState.Completed, ChangeState.Failed, ChangeState.RolledBack, ChangeState.Cancelled],
        [ChangeState.Completed] = [],
        [ChangeState.Failed] = [],
        [ChangeState.RolledBack] = [],
        [ChangeState.Cancelled] = [],
    };

    /// <summary>The states a change in <paramref name="from"/> may move to (empty when final).</summary>
    public static IReadOnlyList<ChangeState> Next(ChangeState from) => Moves[from];

    /// <summary>True for completed, failed, rolled back and cancelled: nothing follows them.</summary>
    public static bool IsFinal(ChangeState state) => Moves[state].Length == 0;

    public static bool CanMove(ChangeState from, ChangeState to) => Array.IndexOf(Moves[from], to) >= 0;

    /// <summary>The outcome a final state stands for, or null for states that are not outcomes.</summary>
    public static ChangeOutcome? OutcomeOf(ChangeState state) => state switch
    {
        ChangeState.Completed => ChangeOutcome.Completed,
        ChangeState.Failed => ChangeOutcome.Failed,
        ChangeState.RolledBack => ChangeOutcome.RolledBack,
        _ => null,
    };

    public static ChangeState StateOf(ChangeOutcome outcome) => outcome switch
    {
        ChangeOutcome.Completed => ChangeState.Completed,
        ChangeOutcome.Failed => ChangeState.Failed,
        _ => ChangeState.RolledBack,
    };

    /// <summary>Returns <paramref name="to"/> when the move is legal; otherwise a Conflict naming both states.</summary>
    public static ChangeState Move(ChangeState from, ChangeState to)
    {
        if (CanMove(from, to)) return to;
        var next = Moves[from];
        var hint = next.Length == 0
            ? $"{Name(from)} is final: nothing can follow it."
            : $"From {Name(from)} it can move to {string.Join(", ", next.Select(Name))}.";
        throw CmdbException.Conflict($"A change cannot move from {Name(from)} to {Name(to)}. {hint}", "to");
    }

    /// <summary>The API spelling of a state (SCREAMING_SNAKE_CASE), used in messages.</summary>
    public static string Name(ChangeState state) => state switch
    {
        ChangeState.RolledBack => "ROLLED_BACK",
        _ => state.ToString().ToUpperInvariant(),
    };
}
