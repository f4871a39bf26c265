namespace Cmdb.Domain.Errors;

/// <summary>
/// A failure a user can act on. The message is written for a person; <see cref="Code"/> is for programs.
/// Anything else that escapes is a bug and is reported without details.
/// </summary>
public sealed class CmdbException : Exception
{
    public CmdbException(ErrorCode code, string message, string? path = null)
        : base(message)
    {
        Code = code;
        Path = path;
    }

    /// <summary>The category of the failure.</summary>
    public ErrorCode Code { get; }

    /// <summary>Where in the input the problem is (e.g. <c>cis[3].class</c>), when known.</summary>
    public string? Path { get; }

    public static CmdbException NotFound(string what) => new(ErrorCode.NotFound, what);

    public static CmdbException Invalid(string message, string? path = null) => new(ErrorCode.Validation, message, path);

    public static CmdbException Model(string message, string? path = null) => new(ErrorCode.ModelViolation, message, path);

    public static CmdbException Conflict(string message, string? path = null) => new(ErrorCode.Conflict, message, path);
}
