using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Framework.Engine;
using Cmdb.Domain.Model;
using Xunit;

namespace Cmdb.Discovery.Tests.Framework;

/// <summary>
/// An update asks its plan for the item's path twice (its checks, then its write operation): a plan with details keeps
/// the text it made, a plan without details makes it each time and stays without details.
/// </summary>
public sealed class ItemPlanTests
{
    private static readonly DiscoveredItem Item = new(WellKnown.Classes.LinuxServer, "s1", new Dictionary<string, string> { ["serial"] = "S1" });

    [Fact]
    public void Path_OfAPlanWithDetails_IsMadeOnceAndKept()
    {
        var plan = new ItemPlan("scope-a", 0, 7, Item) { Error = "refused" };

        var first = plan.Path;

        Assert.Equal("scope-a:items[7]", first);
        Assert.Same(first, plan.Path);
        plan.Written(); // what was read and decided goes; where the item is does not change
        Assert.Same(first, plan.Path);
    }

    [Fact]
    public void Path_OfAPlanWithoutDetails_DoesNotMakeDetails()
    {
        var plan = new ItemPlan("scope-b", 1, 3, Item);

        Assert.Equal("scope-b:items[3]", plan.Path);
        Assert.False(plan.HasChanges);
        Assert.Null(plan.Existing);
        Assert.Empty(plan.Candidates);
    }
}
