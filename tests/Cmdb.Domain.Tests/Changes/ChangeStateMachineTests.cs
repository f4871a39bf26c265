using Cmdb.Domain.Changes;
using Cmdb.Domain.Errors;
using static Cmdb.Domain.Changes.ChangeState;

namespace Cmdb.Domain.Tests.Changes;

public class ChangeStateMachineTests
{
    private static readonly HashSet<(ChangeState, ChangeState)> Legal =
    [
        (Draft, Assessed), (Assessed, Approved), (Approved, Scheduled), (Scheduled, Implementing),
        (Implementing, Completed), (Implementing, Failed), (Implementing, RolledBack),
        (Draft, Cancelled), (Assessed, Cancelled), (Approved, Cancelled), (Scheduled, Cancelled), (Implementing, Cancelled),
    ];

    public static TheoryData<ChangeState, ChangeState> AllPairs()
    {
        var data = new TheoryData<ChangeState, ChangeState>();
        foreach (var from in Enum.GetValues<ChangeState>())
        {
            foreach (var to in Enum.GetValues<ChangeState>()) data.Add(from, to);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Move_EveryPair_AllowsExactlyTheLegalTransitions(ChangeState from, ChangeState to)
    {
        if (Legal.Contains((from, to)))
        {
            Assert.True(ChangeStateMachine.CanMove(from, to));
            Assert.Equal(to, ChangeStateMachine.Move(from, to));
            return;
        }

        Assert.False(ChangeStateMachine.CanMove(from, to));
        var e = Assert.Throws<CmdbException>(() => ChangeStateMachine.Move(from, to));
        Assert.Equal(ErrorCode.Conflict, e.Code);
        Assert.Contains($"from {ChangeStateMachine.Name(from)} to {ChangeStateMachine.Name(to)}", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Completed)]
    [InlineData(Failed)]
    [InlineData(RolledBack)]
    [InlineData(Cancelled)]
    public void Move_FromFinalState_SaysItIsFinal(ChangeState final)
    {
        Assert.True(ChangeStateMachine.IsFinal(final));
        var e = Assert.Throws<CmdbException>(() => ChangeStateMachine.Move(final, Draft));
        Assert.Contains("is final", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Move_SkippingApproval_NamesTheNextLegalStates()
    {
        var e = Assert.Throws<CmdbException>(() => ChangeStateMachine.Move(Assessed, Scheduled));

        Assert.Equal("A change cannot move from ASSESSED to SCHEDULED. From ASSESSED it can move to APPROVED, CANCELLED.", e.Message);
    }

    [Fact]
    public void OutcomeOf_OutcomeStates_RoundTrip()
    {
        foreach (var outcome in Enum.GetValues<ChangeOutcome>())
            Assert.Equal(outcome, ChangeStateMachine.OutcomeOf(ChangeStateMachine.StateOf(outcome)));
        Assert.Null(ChangeStateMachine.OutcomeOf(Implementing));
    }
}
