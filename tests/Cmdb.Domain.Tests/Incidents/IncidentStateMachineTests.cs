using Cmdb.Domain.Errors;
using Cmdb.Domain.Incidents;

namespace Cmdb.Domain.Tests.Incidents;

public sealed class IncidentStateMachineTests
{
    [Theory]
    [InlineData(IncidentState.Open, IncidentState.Investigating)]
    [InlineData(IncidentState.Open, IncidentState.Resolved)]
    [InlineData(IncidentState.Investigating, IncidentState.Resolved)]
    [InlineData(IncidentState.Resolved, IncidentState.Investigating)]
    [InlineData(IncidentState.Resolved, IncidentState.Closed)]
    public void Move_LegalMove_ReturnsTarget(IncidentState from, IncidentState to) => Assert.Equal(to, IncidentStateMachine.Move(from, to));

    [Theory]
    [InlineData(IncidentState.Open, IncidentState.Closed)]
    [InlineData(IncidentState.Open, IncidentState.Open)]
    [InlineData(IncidentState.Investigating, IncidentState.Open)]
    [InlineData(IncidentState.Investigating, IncidentState.Closed)]
    [InlineData(IncidentState.Resolved, IncidentState.Open)]
    [InlineData(IncidentState.Closed, IncidentState.Investigating)]
    [InlineData(IncidentState.Closed, IncidentState.Open)]
    public void Move_IllegalMove_IsConflictNamingBothStates(IncidentState from, IncidentState to)
    {
        var e = Assert.Throws<CmdbException>(() => IncidentStateMachine.Move(from, to));

        Assert.Equal(ErrorCode.Conflict, e.Code);
        Assert.Contains($"from {IncidentStateMachine.Name(from)} to {IncidentStateMachine.Name(to)}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsFinal_OnlyClosed()
    {
        Assert.Equal([IncidentState.Closed], Enum.GetValues<IncidentState>().Where(IncidentStateMachine.IsFinal));
        Assert.Contains("CLOSED is final", Assert.Throws<CmdbException>(() => IncidentStateMachine.Move(IncidentState.Closed, IncidentState.Open)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsActive_OpenAndInvestigating() =>
        Assert.Equal([IncidentState.Open, IncidentState.Investigating], Enum.GetValues<IncidentState>().Where(IncidentStateMachine.IsActive));
}
