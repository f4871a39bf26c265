using Cmdb.Domain.Errors;

namespace Cmdb.GraphQL.Errors;

/// <summary>The values of <c>extensions.code</c> in GraphQL errors. Clients branch on these, never on messages.</summary>
public static class CmdbErrorCodes
{
    /// <summary>The request or an input value is malformed, out of range, or over a limit.</summary>
    public const string Validation = "VALIDATION";
    /// <summary>A referenced CI or relationship does not exist.</summary>
    public const string NotFound = "NOT_FOUND";
    /// <summary>A stale <c>expectedVersion</c> or a uniqueness clash (an identifier held by another CI).</summary>
    public const string Conflict = "CONFLICT";
    /// <summary>The write breaks the model (unknown class or type, a disallowed endpoint, a missing required attribute).</summary>
    public const string ModelViolation = "MODEL_VIOLATION";
    /// <summary>A bug or an outage; details are logged on the server, never sent.</summary>
    public const string Internal = "INTERNAL_SERVER_ERROR";

    public static string For(ErrorCode code) => code switch
    {
        ErrorCode.Validation => Validation,
        ErrorCode.NotFound => NotFound,
        ErrorCode.Conflict => Conflict,
        ErrorCode.ModelViolation => ModelViolation,
        _ => Internal,
    };
}
