namespace Cmdb.Domain.Errors;

/// <summary>Machine-readable error categories; the API surfaces them as <c>extensions.code</c>.</summary>
public enum ErrorCode
{
    /// <summary>An input value is malformed or out of range.</summary>
    Validation,
    /// <summary>A referenced CI, relationship or other record does not exist.</summary>
    NotFound,
    /// <summary>The write lost a race (stale version) or would break a uniqueness rule.</summary>
    Conflict,
    /// <summary>The write breaks the model: unknown class or type, a disallowed endpoint, a missing required attribute.</summary>
    ModelViolation,
}
