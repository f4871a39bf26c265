using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Cmdb.Testing.Synthetic;

namespace Cmdb.Benchmarks;

/// <summary>
/// <c>graphql</c>: latency and throughput of <c>ci(id){ neighbours(depth:1){ ci { id name } } }</c> over HTTP on
/// loopback against a running host that holds the same estate (same --cis and --seed). Every request is bounded by
/// --seconds and --max-requests per concurrency level; only 127.0.0.1 URLs are accepted.
/// </summary>
internal static class GraphQLLoadCommand
{
    private const string NeighboursQuery = "query($id: ID!){ ci(id: $id){ neighbours(depth: 1){ ci { id name } } } }";
    private const string LookupQuery = "query($s: String!, $v: String!){ ciByIdentifier(scheme: $s, value: $v){ id name } }";

    public static async Task<int> RunAsync(BenchmarkOptions o)
    {
        var uri = new Uri(o.Url);
        if (!IPAddress.TryParse(uri.Host, out var address) || !IPAddress.IsLoopback(address))
        {
            Console.Error.WriteLine($"graphql: {o.Url} is not a loopback address; use http://127.0.0.1:PORT/graphql");
            return 2;
        }

        var estate = Estates.Generate(o);
        var reference = estate.References.All.FirstOrDefault(r => r.Role.StartsWith(o.Role, StringComparison.OrdinalIgnoreCase));
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseProxy = false };
        using var client = new HttpClient(handler) { BaseAddress = uri, Timeout = TimeSpan.FromSeconds(30) };
        var lookup = await PostAsync(client, LookupQuery, new { s = SyntheticKindInfo.Of(estate.Kind(reference.Index)).Scheme, v = estate.IdentifierValue(reference.Index) });
        using var found = JsonDocument.Parse(lookup);
        if (!found.RootElement.TryGetProperty("data", out var data) || data.GetProperty("ciByIdentifier").ValueKind != JsonValueKind.Object)
        {
            Console.Error.WriteLine($"graphql: the host does not hold {estate.Name(reference.Index)}; import the same estate first. Response: {lookup}");
            return 1;
        }

        var id = data.GetProperty("ciByIdentifier").GetProperty("id").GetString()!;
        var sample = await PostAsync(client, NeighboursQuery, new { id });
        using var sampleDoc = JsonDocument.Parse(sample);
        var neighbours = sampleDoc.RootElement.GetProperty("data").GetProperty("ci").GetProperty("neighbours").GetArrayLength();
        Report.Line($"graphql: {o.Url}, start CI {estate.Name(reference.Index)} ({reference.Role}, id {id}), {neighbours} neighbours, response {sample.Length} bytes");
        var body = JsonSerializer.Serialize(new { query = NeighboursQuery, variables = new { id } });

        await LoadAsync(client, body, 1, Math.Max(1, o.Seconds / 5), 2_000, "warm-up");
        foreach (var concurrency in o.Concurrency) await LoadAsync(client, body, concurrency, o.Seconds, o.MaxRequests, "measured");
        return 0;
    }

    private static async Task LoadAsync(HttpClient client, string body, int concurrency, double seconds, int maxRequests, string label)
    {
        var latencies = new List<double>[concurrency];
        var failures = 0;
        var issued = 0;
        var deadline = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async w =>
        {
            var mine = latencies[w] = new List<double>(4096);
            while (deadline.Elapsed.TotalSeconds < seconds && Interlocked.Increment(ref issued) <= maxRequests)
            {
                var start = Stopwatch.GetTimestamp();
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await client.PostAsync((Uri?)null, content);
                var text = await response.Content.ReadAsStringAsync();
                mine.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
                if (!response.IsSuccessStatusCode || text.Contains("\"errors\"", StringComparison.Ordinal)) Interlocked.Increment(ref failures);
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var elapsed = deadline.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).ToList();
        all.Sort();
        Report.Line($"{label}: concurrency {concurrency}, {all.Count:N0} requests in {elapsed:F1} s = {all.Count / elapsed:N0} req/s; latency p50 " +
            $"{Report.Duration(Sampler.Percentile(all, 0.5))}, p95 {Report.Duration(Sampler.Percentile(all, 0.95))}, p99 {Report.Duration(Sampler.Percentile(all, 0.99))}, " +
            $"max {Report.Duration(all[^1])}; {failures} failed");
    }

    private static async Task<string> PostAsync(HttpClient client, string query, object variables)
    {
        using var content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync((Uri?)null, content);
        return await response.Content.ReadAsStringAsync();
    }
}
