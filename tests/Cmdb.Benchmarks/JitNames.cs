using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Cmdb.Benchmarks;

/// <summary>
/// Which methods the runtime compiles while it listens, and at which tier (the runtime's own JIT events): to see
/// whether what a measured run still jits is new code or tier-ups of code a long-running service has compiled long ago.
/// </summary>
internal sealed class JitNames : EventListener
{
    private const EventKeywords Jit = (EventKeywords)0x10;
    private readonly ConcurrentQueue<(string Name, string Tier)> _methods = new();
    private volatile bool _listening;

    public void Start() => _listening = true;

    public void Stop() => _listening = false;

    /// <summary>What was compiled between <see cref="Start"/> and <see cref="Stop"/>, in order.</summary>
    public IReadOnlyList<(string Name, string Tier)> Methods => [.. _methods];

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(eventSource, EventLevel.Verbose, Jit);
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        // MethodLoadVerbose: one per compiled method body, its tier in the flags (bits 7–9, see ClrEtwAll.man).
        if (!_listening || eventData.EventName != "MethodLoadVerbose_V1" && eventData.EventName != "MethodLoadVerbose_V2" || eventData.Payload is null) return;
        var names = eventData.PayloadNames!;
        string Field(string name) => names.IndexOf(name) is var i and >= 0 ? eventData.Payload[i]?.ToString() ?? "" : "";
        var flags = uint.TryParse(Field("MethodFlags"), out var f) ? f : 0;
        // Tier numbers as the runtime's eventtrace.h numbers them (3 quick-jitted, 4 optimized tier 1, others rarer).
        var tier = $"tier{(flags >> 7) & 7}";
        _methods.Enqueue(($"{Field("MethodNamespace")}::{Field("MethodName")}", tier));
    }

    /// <summary>Counts by tier, then every method (tier and name), one per line.</summary>
    public static IEnumerable<string> Lines(IReadOnlyList<(string Name, string Tier)> methods)
    {
        yield return "jitted by tier: " + string.Join(", ", methods.GroupBy(m => m.Tier).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"));
        foreach (var m in methods) yield return $"{m.Tier} {m.Name}";
    }
}
