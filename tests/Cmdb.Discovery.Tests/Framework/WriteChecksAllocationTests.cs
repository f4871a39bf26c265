using System.Text.Json.Nodes;
using Cmdb.Discovery.Framework.Engine;
using Cmdb.Discovery.Tests.Support;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Xunit;

namespace Cmdb.Discovery.Tests.Framework;

/// <summary>
/// A real run checks every create and update it plans (<see cref="WriteChecks"/>, with <see cref="CiRules"/>), and the
/// store checks each again: the checks of a valid write make no garbage (the tags, identifiers, attributes and the
/// class's required attributes were each walked through an interface's enumerator, a boxed object per walk).
/// </summary>
public sealed class WriteChecksAllocationTests
{
    [Fact]
    public void EnsureValid_ValidCreateAndUpdate_AllocatesNothing()
    {
        var model = ModelConformance.Model;
        var database = model.GetClass(WellKnown.Classes.Database); // has a required attribute
        var create = new CiFields
        {
            Name = "db-1",
            Environment = "production",
            Tags = ["pci", "tier-1"],
            Attributes = new JsonObject { ["engine"] = "postgresql", ["rack"] = "r1" },
            Identifiers = new Dictionary<string, string> { ["fqdn"] = "db-1.example.com", ["serial"] = "S1" },
        };
        var stored = CiMerge.Apply(model, database, null, "01JTESTCI0000000000000000A", create, Actor.System, DateTimeOffset.UnixEpoch, null).Ci;
        var update = new CiFields { Attributes = new JsonObject { ["rack"] = "r2" }, Tags = ["pci"] };
        for (var i = 0; i < 3; i++) Check(); // jitted, the size buffer made

        // The fewest bytes of five rounds: a one-off allocation by the runtime (tiering a method up while the round runs)
        // was seen once under load; garbage made by the checks themselves shows in every round, 100 times over.
        var allocated = Enumerable.Range(0, 5).Min(_ =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 100; i++) Check();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        });

        Assert.Equal(0, allocated);

        void Check()
        {
            WriteChecks.EnsureValid(model, database, null, create, "dc1:items[0]");
            WriteChecks.EnsureValid(model, database, stored, update, "dc1:items[1]");
        }
    }
}
