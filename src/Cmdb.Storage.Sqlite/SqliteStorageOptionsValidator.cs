using Microsoft.Extensions.Options;

namespace Cmdb.Storage.Sqlite;

/// <summary>Reports every invalid SQLite storage setting at once, at start-up.</summary>
internal sealed class SqliteStorageOptionsValidator : IValidateOptions<SqliteStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteStorageOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
            failures.Add($"{SqliteStorageOptions.SectionName}:DatabasePath must name a database file.");
        if (options.RetentionDays < 1)
            failures.Add($"{SqliteStorageOptions.SectionName}:RetentionDays must be at least 1, not {options.RetentionDays}.");
        if (options.BusyTimeoutMilliseconds is < 0 or > 600_000)
            failures.Add($"{SqliteStorageOptions.SectionName}:BusyTimeoutMilliseconds must be between 0 and 600000, not {options.BusyTimeoutMilliseconds}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
