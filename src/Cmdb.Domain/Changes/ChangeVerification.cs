namespace Cmdb.Domain.Changes;

/// <summary>
/// Post-change verification: declared edits checked against the graph at the end of the window, and changes in the
/// blast radius (as it was when the window opened) that nothing declared. <see cref="WindowClosed"/> is false while
/// the window is still open: the answer is then provisional.
/// </summary>
public sealed record ChangeVerification(
    string ChangeId, bool WindowClosed, IReadOnlyList<EditCheck> Edits, IReadOnlyList<UndeclaredChange> Undeclared)
{
    /// <summary>The CIs of the blast radius the undeclared changes were looked for in (as it was when the window opened).</summary>
    public IReadOnlyList<string> BlastRadiusCiIds { get; init; } = [];

    /// <summary>True when every declared edit happened and nothing undeclared was observed.</summary>
    public bool Clean => Edits.All(e => e.Happened) && Undeclared.Count == 0;
}
