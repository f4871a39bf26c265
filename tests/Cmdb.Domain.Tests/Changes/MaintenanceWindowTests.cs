using Cmdb.Domain.Changes;
using Cmdb.Domain.Errors;

namespace Cmdb.Domain.Tests.Changes;

public class MaintenanceWindowTests
{
    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static bool Contains(string window, DateTimeOffset start, DateTimeOffset end) =>
        MaintenanceWindow.Covers(MaintenanceWindow.ParseAll(window), start, end);

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Sun 02:00-06:00", "must have three parts")]
    [InlineData("Sun 02:00-06:00 Europe/London extra", "must have three parts")]
    [InlineData("Sunday 02:00-06:00 UTC", "Unknown day 'Sunday'")]
    [InlineData("Sun-Mon-Tue 02:00-06:00 UTC", "must be day names or ranges")]
    [InlineData("Sun, 02:00-06:00 UTC", "must be day names or ranges")]
    [InlineData("Sun 2:00-06:00 UTC", "The times '2:00-06:00'")]
    [InlineData("Sun 02:00 UTC", "The times '02:00'")]
    [InlineData("Sun 25:00-06:00 UTC", "'25:00' in maintenance window")]
    [InlineData("Sun 02:60-06:00 UTC", "'02:60' in maintenance window")]
    [InlineData("Sun 24:00-06:00 UTC", "'24:00' in maintenance window")]
    [InlineData("Sun 02:00-02:00 UTC", "starts and ends at the same time")]
    [InlineData("Sun 02:00-06:00 Mars/Olympus_Mons", "Unknown time zone 'Mars/Olympus_Mons'")]
    [InlineData("Sun 02:00-06:00 UTC; Mon 9-5 UTC", "The times '9-5'")]
    public void ParseAll_BadWindow_IsAValidationErrorNamingThePart(string text, string expected)
    {
        var e = Assert.Throws<CmdbException>(() => MaintenanceWindow.ParseAll(text, "window"));

        Assert.Equal(ErrorCode.Validation, e.Code);
        Assert.Equal("window", e.Path);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DayListsRangesAndDaily_ExpandToTheDays()
    {
        Assert.Equal([DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Friday, DayOfWeek.Saturday],
            MaintenanceWindow.Parse("fri-MON 01:00-02:00 UTC").Days.Order());
        Assert.Equal([DayOfWeek.Sunday, DayOfWeek.Wednesday, DayOfWeek.Saturday], MaintenanceWindow.Parse("Wed,Sat-Sun 01:00-02:00 UTC").Days.Order());
        Assert.Equal(7, MaintenanceWindow.Parse("Daily 01:00-02:00 UTC").Days.Count);
        Assert.Equal(2, MaintenanceWindow.ParseAll(" Sat 22:00-02:00 UTC ; Wed 01:00-03:00 Europe/Paris ;").Count);
    }

    [Fact]
    public void Contains_WindowCrossingMidnight_RunsFromSaturdayNightIntoSunday()
    {
        const string window = "Sat 22:00-02:00 UTC"; // 2026-06-06 is a Saturday

        Assert.True(Contains(window, Utc(6, 6, 23), Utc(6, 7, 1, 30)));
        Assert.True(Contains(window, Utc(6, 6, 22), Utc(6, 7, 2)));
        Assert.False(Contains(window, Utc(6, 6, 23), Utc(6, 7, 2, 30)));
        Assert.False(Contains(window, Utc(6, 7, 22, 30), Utc(6, 7, 23))); // Sunday night is not in it
        Assert.False(Contains(window, Utc(6, 5, 23), Utc(6, 6, 1))); // nor is Friday night
    }

    [Fact]
    public void Contains_LocalTimeZone_IsAppliedWithSummerTime()
    {
        const string window = "Sun 02:00-06:00 Europe/London"; // BST in June: 01:00-05:00 UTC

        Assert.True(Contains(window, Utc(6, 7, 1), Utc(6, 7, 5)));
        Assert.False(Contains(window, Utc(6, 7, 4), Utc(6, 7, 6)));
        Assert.True(Contains(window, Utc(12, 6, 2), Utc(12, 6, 6))); // GMT in December
    }

    [Fact]
    public void Contains_SpringForwardDay_WindowKeepsWallClockEndAndStartInTheGapMovesPastIt()
    {
        // 2026-03-29: London clocks jump from 01:00 GMT to 02:00 BST.
        Assert.True(Contains("Sun 00:30-02:30 Europe/London", Utc(3, 29, 0, 45), Utc(3, 29, 1, 25))); // 02:30 BST is 01:30 UTC
        Assert.False(Contains("Sun 00:30-02:30 Europe/London", Utc(3, 29, 0, 45), Utc(3, 29, 1, 45)));
        // 01:30 does not exist that day: the window starts at 01:30 on the old offset, i.e. 02:30 BST.
        Assert.True(Contains("Sun 01:30-03:00 Europe/London", Utc(3, 29, 1, 35), Utc(3, 29, 1, 55)));
        Assert.False(Contains("Sun 01:30-03:00 Europe/London", Utc(3, 29, 1), Utc(3, 29, 1, 20)));
    }

    [Fact]
    public void Contains_FallBackDay_CoversTheRepeatedHourBothTimes()
    {
        // 2026-10-25: London clocks go back from 02:00 BST to 01:00 GMT, so 01:00-02:00 happens twice.
        Assert.True(Contains("Sun 01:00-02:00 Europe/London", Utc(10, 25, 0, 10), Utc(10, 25, 1, 50)));
        Assert.False(Contains("Sun 01:00-02:00 Europe/London", Utc(10, 25, 1, 50), Utc(10, 25, 2, 10)));
    }

    [Fact]
    public void Covers_BackToBackOccurrences_JoinIntoOnePeriod()
    {
        Assert.True(Contains("Daily 00:00-24:00 UTC", Utc(6, 1, 10), Utc(6, 4, 10)));
        Assert.True(Contains("Sat 20:00-24:00 UTC; Sun 00:00-04:00 UTC", Utc(6, 6, 21), Utc(6, 7, 3)));
        Assert.False(Contains("Sat 20:00-23:00 UTC; Sun 00:00-04:00 UTC", Utc(6, 6, 21), Utc(6, 7, 3)));
    }
}
