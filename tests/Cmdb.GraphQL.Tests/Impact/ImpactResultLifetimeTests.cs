using Cmdb.Domain.Impact;
using Cmdb.GraphQL.Types.Impact;
using Cmdb.Testing;
using GraphQL;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.GraphQL.Tests.Impact;

/// <summary>
/// The impact results a GraphQL execution makes are disposed once it has executed (so their arrays are reused), and
/// only those: a result made outside an execution stays readable.
/// </summary>
public sealed class ImpactResultLifetimeTests
{
    private static ImpactResult Impact() =>
        new ImpactAnalyzer().Impact(
            new GraphBuilder().Ci("switch", Switch).Ci("host", LinuxServer).Rel("host", ConnectsTo, "switch").Build(), ["switch"]);

    [Fact]
    public async Task ExecuteAsync_ResultsOwnedByItsResolvers_ReadableWhileExecutingAndDisposedAfter()
    {
        var (first, second) = (Impact(), Impact());
        var countsDuringExecution = new List<int>();

        await ImpactResultLifetime.ExecuteAsync(new ExecutionOptions(), async _ =>
        {
            ImpactResultLifetime.Owned(first);
            await Task.Run(() => ImpactResultLifetime.Owned(second)); // a resolver on another thread of the same execution
            countsDuringExecution.Add(first.TotalCount);
            countsDuringExecution.Add(second.TotalCount);
            return new ExecutionResult();
        });

        Assert.Equal([2, 2], countsDuringExecution);
        Assert.Throws<ObjectDisposedException>(() => first.TotalCount);
        Assert.Throws<ObjectDisposedException>(() => second.Items(0, 1));
    }

    [Fact]
    public async Task Owned_OutsideAnExecution_LeavesTheResultReadable()
    {
        var inside = Impact();
        var outside = Impact();
        await ImpactResultLifetime.ExecuteAsync(new ExecutionOptions(), _ =>
        {
            ImpactResultLifetime.Owned(inside);
            return Task.FromResult(new ExecutionResult());
        });

        ImpactResultLifetime.Owned(outside); // after the execution ended: no list to join

        Assert.Throws<ObjectDisposedException>(() => inside.TotalCount);
        Assert.Equal(2, outside.TotalCount);
        Assert.Equal(["switch", "host"], outside.Items(0, 10).Select(i => i.CiId));
    }
}
