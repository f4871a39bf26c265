using System.Reflection;
using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Framework;
using Cmdb.Discovery.Framework.Engine;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Xunit;
using static Cmdb.Discovery.Tests.Framework.EngineFixture;

namespace Cmdb.Discovery.Tests.Framework;

/// <summary>
/// A CI someone else changes after discovery read it to compare and before discovery writes: the write names the
/// version it was decided on, the store refuses it, and discovery decides again on the CI as it is now.
/// </summary>
public sealed class StaleReadTests
{
    private static readonly Actor Alice = new(ActorKind.User, "alice");

    [Fact]
    public async Task RunAsync_PersonSetsSameFieldBetweenReadAndWrite_PersonsValueKept()
    {
        await using var f = new EngineFixture();
        var (id, run) = await RescanEditedBetweenReadAndWriteAsync(f, new CiFields { Attributes = new() { ["os"] = "hand-set" } });

        var ci = await f.CiAsync("serial", "S1");
        Assert.Equal(DiscoveryRunStatus.Succeeded, run.Status);
        Assert.Equal("hand-set", ci.Attributes["os"]!.GetValue<string>());
        Assert.Equal("user:alice", ci.Provenance["attributes.os"].Source);
        Assert.Equal((0, 1, 0), (run.Counts.Updated, run.Counts.Unchanged, run.Counts.Errors));
        Assert.Equal(2, await f.HistoryCountAsync(id)); // created by the scan, edited by alice; nothing from this run
    }

    [Fact]
    public async Task RunAsync_PersonSetsOtherFieldBetweenReadAndWrite_BothChangesKept()
    {
        await using var f = new EngineFixture();
        var (id, run) = await RescanEditedBetweenReadAndWriteAsync(f, new CiFields { Owner = "alice", Attributes = new() { ["rack"] = "r7" } });

        var ci = await f.CiAsync("serial", "S1");
        Assert.Equal((1, 0, 0), (run.Counts.Updated, run.Counts.Unchanged, run.Counts.Errors));
        Assert.Equal("linux-2", ci.Attributes["os"]!.GetValue<string>());
        Assert.Equal(("alice", "r7"), (ci.Owner, ci.Attributes["rack"]!.GetValue<string>()));
        Assert.Equal(3, ci.Version);
        var history = await f.Store.GetHistoryAsync(id, 10, null, CancellationToken.None);
        Assert.StartsWith("discovery:scan", history.Items[0].Node.Actor, StringComparison.Ordinal);
        Assert.Equal("user:alice", history.Items[1].Node.Actor);
    }

    [Fact]
    public async Task RunAsync_TwoItemsOfOneBatchMatchSameCi_BothApplyInOrderWithoutConflict()
    {
        await using var f = new EngineFixture();
        var second = false;
        f.Source("scan", () => second
            ? DiscoveryBatch.Of(Scope("a", Server("h", serial: "S1", os: "v2")), Scope("b", Server("h", serial: "S1", os: "v3", owner: "ops")))
            : DiscoveryBatch.Of(Scope("a", Server("h", serial: "S1", os: "v1"))));
        var engine = await f.EngineAsync();
        await f.RunAsync(engine, "scan");
        second = true;

        var run = await f.RunAsync(engine, "scan");

        var ci = await f.CiAsync("serial", "S1");
        Assert.Equal((2, 0, 0), (run.Counts.Updated, run.Counts.Conflicts, run.Counts.Errors));
        Assert.Equal(("v3", "ops"), (ci.Attributes["os"]!.GetValue<string>(), ci.Owner));
        Assert.Equal(1, await f.CiCountAsync());
    }

    /// <summary>
    /// A scan creates a server (os "linux"); a second scan reports os "linux-2", and right after it reads the CI to
    /// compare, a person applies <paramref name="edit"/>.
    /// </summary>
    private static async Task<(string Id, DiscoveryRun Run)> RescanEditedBetweenReadAndWriteAsync(EngineFixture f, CiFields edit)
    {
        var os = "linux";
        f.Source("scan", () => DiscoveryBatch.Of(Scope("a", Server("h", serial: "S1", os: os))));
        await f.RunAsync(await f.EngineAsync(), "scan");
        var id = (await f.CiAsync("serial", "S1")).Id;
        using var engine = new DiscoveryService(EditAfterRead.Wrap(f.Store, id, edit), f.State, f.Sources, f.Options, f.Time);
        os = "linux-2";
        return (id, await f.RunAsync(engine, "scan"));
    }

    /// <summary>Forwards to the real store; right after the first read of one CI, a person edits that CI.</summary>
    public class EditAfterRead : DispatchProxy
    {
        private ICmdbStore _inner = null!;
        private string _ciId = null!;
        private CiFields _edit = null!;
        private int _edited;

        public static ICmdbStore Wrap(ICmdbStore inner, string ciId, CiFields edit)
        {
            var proxy = Create<ICmdbStore, EditAfterRead>();
            var self = (EditAfterRead)(object)proxy;
            (self._inner, self._ciId, self._edit) = (inner, ciId, edit);
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            try
            {
                var result = targetMethod.Invoke(_inner, args);
                if (targetMethod.Name != nameof(ICmdbStore.GetCisAsync)) return result;
                return EditAsync((Task<IReadOnlyDictionary<string, ConfigurationItem>>)result!);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }

        private async Task<IReadOnlyDictionary<string, ConfigurationItem>> EditAsync(Task<IReadOnlyDictionary<string, ConfigurationItem>> read)
        {
            var found = await read;
            if (found.TryGetValue(_ciId, out var ci) && Interlocked.Exchange(ref _edited, 1) == 0)
                await _inner.ApplyAsync(WriteBatch.Of(new UpdateCi(_ciId, ci.Version, _edit)), Alice, CancellationToken.None);
            return found;
        }
    }
}
