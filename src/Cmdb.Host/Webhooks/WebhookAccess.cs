using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Cmdb.Host.Webhooks;

/// <summary>
/// Who may call a webhook: with a configured token, callers presenting <c>Authorization: Bearer token</c>; without
/// one, loopback callers only, so a service bound to a public address is never open by accident.
/// </summary>
internal sealed class WebhookAccess
{
    private readonly byte[]? _token;

    public WebhookAccess(WebhookOptions options)
    {
        var token = options.WebhookToken;
        if (string.IsNullOrWhiteSpace(token) && !string.IsNullOrWhiteSpace(options.WebhookTokenFile))
        {
            token = File.Exists(options.WebhookTokenFile)
                ? File.ReadLines(options.WebhookTokenFile).FirstOrDefault()?.Trim()
                : throw new InvalidOperationException($"Cmdb:Events:WebhookTokenFile '{options.WebhookTokenFile}' does not exist.");
            if (string.IsNullOrEmpty(token)) throw new InvalidOperationException($"Cmdb:Events:WebhookTokenFile '{options.WebhookTokenFile}' is empty.");
        }

        _token = string.IsNullOrWhiteSpace(token) ? null : Encoding.UTF8.GetBytes(token.Trim());
    }

    /// <summary>Null when the caller may proceed; otherwise the status, code and message to answer with.</summary>
    public (int Status, string Code, string Message)? Refuse(HttpContext context)
    {
        if (_token is null)
        {
            var remote = context.Connection.RemoteIpAddress;
            return remote is null || IPAddress.IsLoopback(remote)
                ? null
                : (StatusCodes.Status403Forbidden, "FORBIDDEN",
                    "The webhook only answers loopback callers until a token is configured (Cmdb:Events:WebhookToken or WebhookTokenFile).");
        }

        var header = context.Request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()), _token))
            return null;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return (StatusCodes.Status401Unauthorized, "UNAUTHORIZED",
            "Send the webhook token as 'Authorization: Bearer <token>' (Alertmanager: http_config.authorization.credentials).");
    }
}
