using Cmdb.Domain.Errors;
using GraphQL;
using GraphQL.Execution;

namespace Cmdb.GraphQL.Errors;

/// <summary>
/// Shapes every error of a response: domain errors (<see cref="CmdbException"/>) keep their message and get their
/// code and input path; request errors (syntax, validation, variables, limits) get <c>VALIDATION</c> with the
/// GraphQL.NET rule in <c>extensions.reason</c>; anything else is masked as <c>INTERNAL_SERVER_ERROR</c>.
/// </summary>
public sealed class CmdbErrorInfoProvider : IErrorInfoProvider
{
    /// <summary>The message of a masked error. The exception itself is logged, never sent.</summary>
    public const string InternalMessage = "An internal error occurred. It has been logged; please report the time of the request.";

    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal);
        var message = executionError.Message;
        if (Find<CmdbException>(executionError) is { } domain)
        {
            message = domain.Message;
            extensions["code"] = CmdbErrorCodes.For(domain.Code);
            if (domain.Path is not null) extensions["inputPath"] = domain.Path;
        }
        else if (executionError is DocumentError || executionError.InnerException is null && executionError is not UnhandledError)
        {
            extensions["code"] = CmdbErrorCodes.Validation;
            if (executionError.Code is { } reason) extensions["reason"] = reason;
        }
        else
        {
            message = InternalMessage;
            extensions["code"] = CmdbErrorCodes.Internal;
        }

        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    private static T? Find<T>(Exception? e)
        where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found) return found;
        }

        return null;
    }
}
