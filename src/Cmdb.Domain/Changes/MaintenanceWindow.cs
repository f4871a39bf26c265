namespace Cmdb.Domain.Changes;

/// <summary>
/// A recurring weekly maintenance window such as <c>Sun 02:00-06:00 Europe/London</c>: on the listed days, from the
/// start to the end wall-clock time in the named time zone. An end at or before the start crosses midnight into the
/// next day (<c>Sat 22:00-02:00</c> ends on Sunday). Around daylight-saving changes the window covers every instant
/// whose wall clock reads inside it: a start or end that falls in a spring-forward gap keeps the offset before the
/// gap (the window keeps its length), and a repeated autumn hour is covered both times.
/// </summary>
public sealed partial class MaintenanceWindow
{
    private MaintenanceWindow(string text, IReadOnlySet<DayOfWeek> days, TimeSpan start, TimeSpan end, TimeZoneInfo zone)
    {
        Text = text;
        Days = days;
        Start = start;
        End = end;
        Zone = zone;
    }

    /// <summary>The window as written (trimmed).</summary>
    public string Text { get; }

    /// <summary>The days on which an occurrence starts.</summary>
    public IReadOnlySet<DayOfWeek> Days { get; }

    /// <summary>Wall-clock start time.</summary>
    public TimeSpan Start { get; }

    /// <summary>Wall-clock end time; at or before <see cref="Start"/> means the next day.</summary>
    public TimeSpan End { get; }

    public TimeZoneInfo Zone { get; }

    public bool CrossesMidnight => End <= Start;

    public override string ToString() => Text;

    /// <summary>True when [start, end) lies inside one occurrence of this window.</summary>
    public bool Contains(DateTimeOffset start, DateTimeOffset end) => Covers([this], start, end);

    /// <summary>
    /// True when [start, end) lies inside the union of the occurrences of <paramref name="windows"/> (back-to-back
    /// occurrences join, so <c>Daily 00:00-24:00 UTC</c> covers any period).
    /// </summary>
    public static bool Covers(IReadOnlyList<MaintenanceWindow> windows, DateTimeOffset start, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var occurrences = windows.SelectMany(w => w.Occurrences(start, end)).OrderBy(o => o.Start).ToList();
        DateTimeOffset? from = null, to = null;
        foreach (var (s, e) in occurrences)
        {
            if (to is { } current && s <= current)
            {
                if (e > current) to = e;
                continue;
            }

            if (from <= start && end <= to) return true;
            (from, to) = (s, e);
        }

        return from <= start && end <= to;
    }

    /// <summary>The occurrences that may touch [start, end), in UTC.</summary>
    public IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Occurrences(DateTimeOffset start, DateTimeOffset end)
    {
        var first = TimeZoneInfo.ConvertTime(start, Zone).Date.AddDays(-2);
        var last = TimeZoneInfo.ConvertTime(end, Zone).Date.AddDays(1);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (!Days.Contains(day.DayOfWeek)) continue;
            var s = ToInstant(day + Start, earliest: true);
            var e = ToInstant(day.AddDays(CrossesMidnight ? 1 : 0) + End, earliest: false);
            if (e > start && s < end) yield return (s, e);
        }
    }

    private DateTimeOffset ToInstant(DateTime local, bool earliest)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (Zone.IsInvalidTime(local))
        {
            offset = Zone.GetUtcOffset(local.AddDays(-1)); // the offset in force before the gap
        }
        else if (Zone.IsAmbiguousTime(local))
        {
            var offsets = Zone.GetAmbiguousTimeOffsets(local);
            offset = earliest ? offsets.Max() : offsets.Min(); // the larger offset is the earlier instant
        }
        else
        {
            offset = Zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
