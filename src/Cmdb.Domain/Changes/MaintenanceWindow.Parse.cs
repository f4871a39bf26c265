using System.Globalization;
using System.Text.RegularExpressions;
using Cmdb.Domain.Errors;

namespace Cmdb.Domain.Changes;

public sealed partial class MaintenanceWindow
{
    /// <summary>How a window is written, quoted in every parse error.</summary>
    public const string Format = "days, times and an IANA time zone, e.g. 'Sun 02:00-06:00 Europe/London' or 'Mon-Fri 22:00-02:00 UTC'";

    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    /// <summary>
    /// Parses one or more windows separated by ';' (e.g. <c>Sat 22:00-02:00 UTC; Wed 01:00-03:00 UTC</c>). Strict: any
    /// unreadable part is a Validation error naming it; <paramref name="path"/> is the error's path.
    /// </summary>
    public static IReadOnlyList<MaintenanceWindow> ParseAll(string? text, string? path = null)
    {
        var parts = (text ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) throw CmdbException.Invalid($"A maintenance window is empty; write {Format}.", path);
        return [.. parts.Select(p => Parse(p, path))];
    }

    /// <summary>Like <see cref="ParseAll"/>, but returns the error message instead of throwing.</summary>
    public static bool TryParseAll(string? text, out IReadOnlyList<MaintenanceWindow> windows, out string? error)
    {
        try
        {
            windows = ParseAll(text);
            error = null;
            return true;
        }
        catch (CmdbException e)
        {
            windows = [];
            error = e.Message;
            return false;
        }
    }

    /// <summary>Parses a single window such as <c>Sun 02:00-06:00 Europe/London</c>.</summary>
    public static MaintenanceWindow Parse(string text, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var tokens = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length != 3)
            throw CmdbException.Invalid($"The maintenance window '{trimmed}' must have three parts: {Format}.", path);
        var days = ParseDays(tokens[0], trimmed, path);
        var times = TimesPattern().Match(tokens[1]);
        if (!times.Success)
            throw CmdbException.Invalid($"The times '{tokens[1]}' in maintenance window '{trimmed}' must read HH:mm-HH:mm (24-hour clock), e.g. 02:00-06:00.", path);
        var start = Time(times.Groups[1].Value, times.Groups[2].Value, allowMidnightEnd: false, trimmed, path);
        var end = Time(times.Groups[3].Value, times.Groups[4].Value, allowMidnightEnd: true, trimmed, path);
        if (start == end)
            throw CmdbException.Invalid($"The maintenance window '{trimmed}' starts and ends at the same time; for a whole day write 00:00-24:00.", path);
        return new MaintenanceWindow(trimmed, days, start, end, ParseZone(tokens[2], trimmed, path));
    }

    private static HashSet<DayOfWeek> ParseDays(string token, string text, string? path)
    {
        if (token.Equals("Daily", StringComparison.OrdinalIgnoreCase)) return [.. Enum.GetValues<DayOfWeek>()];
        var days = new HashSet<DayOfWeek>();
        foreach (var item in token.Split(','))
        {
            var range = item.Split('-');
            if (range.Length > 2 || range.Any(string.IsNullOrEmpty))
                throw CmdbException.Invalid($"The days '{token}' in maintenance window '{text}' must be day names or ranges, e.g. Sun, Sat,Sun or Mon-Fri.", path);
            var from = Day(range[0], text, path);
            var to = Day(range[^1], text, path);
            for (var d = from; ; d = (DayOfWeek)(((int)d + 1) % 7))
            {
                days.Add(d); // a range may wrap the week: Fri-Mon
                if (d == to) break;
            }
        }

        return days;
    }

    private static DayOfWeek Day(string name, string text, string? path)
    {
        var i = Array.FindIndex(DayNames, d => d.Equals(name, StringComparison.OrdinalIgnoreCase));
        return i >= 0 ? (DayOfWeek)i
            : throw CmdbException.Invalid($"Unknown day '{name}' in maintenance window '{text}'; use Mon, Tue, Wed, Thu, Fri, Sat, Sun, a range like Mon-Fri, or Daily.", path);
    }

    private static TimeSpan Time(string hours, string minutes, bool allowMidnightEnd, string text, string? path)
    {
        var h = int.Parse(hours, CultureInfo.InvariantCulture);
        var m = int.Parse(minutes, CultureInfo.InvariantCulture);
        if (allowMidnightEnd && h == 24 && m == 0) return TimeSpan.FromDays(1);
        if (h > 23 || m > 59)
            throw CmdbException.Invalid($"'{hours}:{minutes}' in maintenance window '{text}' is not a time of day (00:00 to 23:59; an end may be 24:00).", path);
        return new TimeSpan(h, m, 0);
    }

    private static TimeZoneInfo ParseZone(string id, string text, string? path)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw CmdbException.Invalid($"Unknown time zone '{id}' in maintenance window '{text}'; use an IANA name such as Europe/London, America/New_York or UTC.", path);
        }
    }

    [GeneratedRegex(@"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex TimesPattern();
}
