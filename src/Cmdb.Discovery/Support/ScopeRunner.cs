using System.Text.Json;
using Cmdb.Discovery.Contract;

namespace Cmdb.Discovery.Support;

/// <summary>Runs get then transform for one scope, turning a failure into a failed scope instead of a failed run.</summary>
internal static class ScopeRunner
{
    public static async Task<ScopeResult> RunAsync<TRaw>(
        string scope, Func<CancellationToken, Task<TRaw>> get, Func<TRaw, ScopeResult> transform, CancellationToken cancellationToken)
    {
        try
        {
            var raw = await get(cancellationToken);
            return transform(raw);
        }
        catch (DiscoveryFormatException e)
        {
            return ScopeResult.Failed(scope, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            // A dumb get throws; the scope did not complete, so nothing in it may be retired.
            return ScopeResult.Failed(scope, $"{scope}: could not be read: {e.Message}");
        }
    }
}
