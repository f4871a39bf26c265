using Xunit;

namespace Cmdb.Discovery.Tests.Scheduling;

/// <summary>Bounded polling for what a background scheduler does: the bound is a failure limit, not a timing assertion.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string because, int seconds = 30)
    {
        var deadline = Environment.TickCount64 + (seconds * 1000L);
        while (!condition())
        {
            if (Environment.TickCount64 > deadline) Assert.Fail($"Still not true after {seconds} s: {because}");
            await Task.Delay(50);
        }
    }
}
