using System.Threading.RateLimiting;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Events;
using Cmdb.Host.GraphQLHttp;
using Microsoft.Extensions.Options;

namespace Cmdb.Host.Webhooks;

/// <summary>
/// <c>POST /webhooks/alertmanager</c>: stores the alerts of one Alertmanager notification before answering, so a 2xx
/// means they are durable. A bounded number of calls are stored at once and a bounded number wait; further calls get
/// 429 with Retry-After (Alertmanager retries), before their body is read, so a flood cannot exhaust memory.
/// </summary>
internal sealed class AlertmanagerWebhook : IDisposable
{
    private readonly IEventStore _events;
    private readonly WebhookOptions _options;
    private readonly WebhookAccess _access;
    private readonly ConcurrencyLimiter _limiter;

    public AlertmanagerWebhook(IEventStore events, IOptions<WebhookOptions> options)
    {
        _events = events;
        _options = options.Value;
        _access = new WebhookAccess(_options);
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = _options.WebhookMaxConcurrent,
            QueueLimit = _options.WebhookQueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Calls waiting for a slot now (for tests and diagnostics).</summary>
    internal long QueuedCount => _limiter.GetStatistics()?.CurrentQueuedCount ?? 0;

    public async Task HandleAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        if (_access.Refuse(context) is { } refusal)
        {
            await WebhookProblem.WriteAsync(context, refusal.Status, refusal.Code, refusal.Message, ct);
            return;
        }

        if (!MediaTypes.IsJsonBody(context.Request.ContentType))
        {
            await WebhookProblem.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
                $"Content-Type '{context.Request.ContentType}' is not supported; Alertmanager sends application/json.", ct);
            return;
        }

        using var lease = await _limiter.AcquireAsync(1, ct);
        if (!lease.IsAcquired)
        {
            context.Response.Headers.RetryAfter = _options.WebhookRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await WebhookProblem.WriteAsync(context, StatusCodes.Status429TooManyRequests, "TOO_MANY_REQUESTS",
                $"Too many webhook calls at once; nothing from this call was stored. Retry after {_options.WebhookRetryAfterSeconds} seconds.", ct);
            return;
        }

        try
        {
            var body = await RequestBodyReader.ReadAsync(context, _options.WebhookMaxBodyBytes, ct);
            var inputs = AlertmanagerPayload.Read(body);
            var result = await _events.IngestAsync(inputs, ct);
            await context.Response.WriteAsJsonAsync(
                new { accepted = result.Accepted, created = result.New, updated = result.Updated, mapped = result.Mapped, unmapped = result.Unmapped }, ct);
        }
        catch (GraphQLHttpProblem e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await WebhookProblem.WriteAsync(context, e.StatusCode, e.Code,
                $"The body is larger than the webhook limit of {_options.WebhookMaxBodyBytes:N0} bytes (Cmdb:Events:WebhookMaxBodyBytes); lower max_alerts in webhook_config.", ct);
        }
        catch (WebhookProblem e)
        {
            await WebhookProblem.WriteAsync(context, e.StatusCode, e.Code, e.Message, ct);
        }
        catch (CmdbException e)
        {
            await WebhookProblem.WriteAsync(context, StatusCodes.Status400BadRequest, e.Code == ErrorCode.Validation ? "VALIDATION" : e.Code.ToString().ToUpperInvariant(),
                e.Path is null ? e.Message : $"{e.Message} (at {e.Path})", ct);
        }
    }

    public void Dispose() => _limiter.Dispose();
}
