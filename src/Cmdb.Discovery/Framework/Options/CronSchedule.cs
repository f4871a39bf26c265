using Quartz;

namespace Cmdb.Discovery.Framework.Options;

/// <summary>
/// The one reading of a source's <c>Schedule</c>: the five-field crontab form (minute first) or Quartz's six or seven
/// fields (seconds first). Validation and the scheduler share it, so what starts is what was checked.
/// </summary>
public static class CronSchedule
{
    /// <summary>The expression, or null when it is neither form.</summary>
    public static CronExpression? Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var trimmed = expression.Trim();
        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CronExpression.TryParse(trimmed, fields == 5 ? CronFormat.Unix : CronFormat.Quartz, out var cron) ? cron : null;
    }
}
