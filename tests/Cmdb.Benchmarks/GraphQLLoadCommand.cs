using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cmdb.Testing.Synthetic;

namespace Cmdb.Benchmarks;

/// <summary>
/// <c>graphql</c>: latency and throughput of <c>ci(id){ neighbours(depth:1){ ci { id name } } }</c> (or, with
/// <c>--query impact</c>, the reference CI's impact: summary and the first 100 items with their paths; with
/// <c>--query impact-services</c> also every business service reached) over HTTP on loopback against a running host that holds the same estate (same --cis and --seed). Every
/// request is bounded by --seconds and --max-requests per concurrency level; only 127.0.0.1 URLs are accepted.
/// </summary>
/// <remarks>
/// Each level runs twice: with <c>HttpClient</c> (what a .NET caller pays) and with <see cref="RawHttpConnection"/>
/// (pre-built request bytes on a kept-alive socket, like wrk), since client and server share the machine's cores and
/// a cheaper client leaves more of them to the server. The client's own CPU time is printed per level.
/// </remarks>
internal static partial class GraphQLLoadCommand
{
    private const string NeighboursQuery = "query($id: ID!){ ci(id: $id){ neighbours(depth: 1){ ci { id name } } } }";
    private const string ImpactQuery = "query($id: ID!){ impact(ciIds: [$id], maxDepth: 50){ totalCount " +
        "summary { total down degraded atRisk byClass { class count } byEnvironment { environment count } byCriticality { criticality count } } " +
        "items(first: 100){ totalCount edges { node { state depth isCause ci { id name class } path { from { id } to { id } relationship { id type } } } } } } }";

    /// <summary>The impact query plus every business service reached, each with its CI's id and name.</summary>
    private const string ImpactServicesQuery = "query($id: ID!){ impact(ciIds: [$id], maxDepth: 50){ totalCount " +
        "summary { total down degraded atRisk byClass { class count } byEnvironment { environment count } byCriticality { criticality count } } " +
        "businessServices { ci { id name } state depth } " +
        "items(first: 100){ totalCount edges { node { state depth isCause ci { id name class } path { from { id } to { id } relationship { id type } } } } } } }";

    private const string LookupQuery = "query($s: String!, $v: String!){ ciByIdentifier(scheme: $s, value: $v){ id name } }";
    private static readonly byte[] ErrorsKey = "\"errors\""u8.ToArray();

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
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = o.Concurrency.Max(), PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var client = new HttpClient(handler) { BaseAddress = uri, Timeout = TimeSpan.FromSeconds(30) };
        var lookup = await PostAsync(client, LookupQuery, new { s = SyntheticKindInfo.Of(estate.Kind(reference.Index)).Scheme, v = estate.IdentifierValue(reference.Index) });
        using var found = JsonDocument.Parse(lookup);
        if (!found.RootElement.TryGetProperty("data", out var data) || data.GetProperty("ciByIdentifier").ValueKind != JsonValueKind.Object)
        {
            Console.Error.WriteLine($"graphql: the host does not hold {estate.Name(reference.Index)}; import the same estate first. Response: {lookup}");
            return 1;
        }

        var id = data.GetProperty("ciByIdentifier").GetProperty("id").GetString()!;
        var withServices = string.Equals(o.Query, "impact-services", StringComparison.OrdinalIgnoreCase);
        var impact = withServices || string.Equals(o.Query, "impact", StringComparison.OrdinalIgnoreCase);
        var query = withServices ? ImpactServicesQuery : impact ? ImpactQuery : NeighboursQuery;
        var sample = await PostAsync(client, query, new { id });
        using var sampleDoc = JsonDocument.Parse(sample);
        var answer = sampleDoc.RootElement.GetProperty("data");
        var size = impact
            ? $"impact totalCount {answer.GetProperty("impact").GetProperty("totalCount").GetInt32()} (generator's reach {reference.ReachSize}), " +
              $"{answer.GetProperty("impact").GetProperty("items").GetProperty("edges").GetArrayLength()} items with paths"
            : $"{answer.GetProperty("ci").GetProperty("neighbours").GetArrayLength()} neighbours";
        Report.Line($"graphql: {o.Url}, start CI {estate.Name(reference.Index)} ({reference.Role}, id {id}), {size}, response {sample.Length} bytes");
        var body = JsonSerializer.Serialize(new { query, variables = new { id } });
        byte[][] bodies = [Encoding.UTF8.GetBytes(body)];
        if (o.StartCis > 1)
        {
            bodies = await SpreadBodiesAsync(client, estate, o, query);
            Report.Line($"graphql: --start-cis {o.StartCis}: {bodies.Length:N0} distinct start CIs, each request the next one (HttpClient only)");
        }

        await LoadAsync("warm-up", "HttpClient", 1, Math.Max(1, o.Seconds / 5), 2_000, w => Task.FromResult(HttpSender(client, bodies, w)));
        foreach (var concurrency in o.Concurrency)
        {
            await LoadAsync("measured", "HttpClient", concurrency, o.Seconds, o.MaxRequests, w => Task.FromResult(HttpSender(client, bodies, w)));
            if (bodies.Length > 1) continue; // the raw client sends one pre-built request
            await LoadAsync("measured", "raw socket", concurrency, o.Seconds, o.MaxRequests, async _ =>
            {
                var connection = await RawHttpConnection.OpenAsync(uri, body);
                return (Func<Task<bool>>)connection.SendAsync;
            });
        }

        return 0;
    }

    private static Func<Task<bool>> HttpSender(HttpClient client, byte[][] bodies, int worker)
    {
        var drain = new byte[16 * 1024];
        var next = worker * (bodies.Length / 16 + 1); // workers start apart so they do not read the same CI together
        return async () =>
        {
            var content = new ByteArrayContent(bodies[next++ % bodies.Length]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, (Uri?)null) { Content = content };
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            await using var stream = await response.Content.ReadAsStreamAsync();
            var clean = true;
            int read;
            while ((read = await stream.ReadAsync(drain)) > 0) clean &= drain.AsSpan(0, read).IndexOf(ErrorsKey) < 0;
            return clean && response.IsSuccessStatusCode;
        };
    }

    private static async Task LoadAsync(
        string label, string client, int concurrency, double seconds, int maxRequests, Func<int, Task<Func<Task<bool>>>> senderFor)
    {
        var senders = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(senderFor));
        var latencies = new List<double>[concurrency];
        var failures = 0;
        var issued = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var serverBefore = ServerCpuSeconds();
        var deadline = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async w =>
        {
            var mine = latencies[w] = new List<double>(65_536);
            var send = senders[w];
            while (deadline.Elapsed.TotalSeconds < seconds && Interlocked.Increment(ref issued) <= maxRequests)
            {
                var start = Stopwatch.GetTimestamp();
                var ok = await send();
                mine.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
                if (!ok) Interlocked.Increment(ref failures);
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var elapsed = deadline.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var server = ServerCpuSeconds() - serverBefore;
        foreach (var sender in senders) (sender.Target as IDisposable)?.Dispose();
        var all = latencies.SelectMany(l => l).ToList();
        all.Sort();
        Report.Line($"{label} ({client}): concurrency {concurrency}, {all.Count:N0} requests in {elapsed:F1} s = {all.Count / elapsed:N0} req/s; latency p50 " +
            $"{Report.Duration(Sampler.Percentile(all, 0.5))}, p95 {Report.Duration(Sampler.Percentile(all, 0.95))}, p99 {Report.Duration(Sampler.Percentile(all, 0.99))}, " +
            $"max {Report.Duration(all[^1])}; {failures} failed; client CPU {cpu:F2} s = {cpu / Math.Max(1, all.Count) * 1e6:F0} µs/request" +
            (server is { } s ? $"; server CPU {s:F2} s = {s / Math.Max(1, all.Count) * 1e6:F0} µs/request" : ""));
    }

    /// <summary>
    /// CPU seconds used so far by the server process named in CMDB_BENCH_SERVER_PID (Linux /proc), or null when unset.
    /// </summary>
    private static double? ServerCpuSeconds()
    {
        if (Environment.GetEnvironmentVariable("CMDB_BENCH_SERVER_PID") is not { Length: > 0 } pid) return null;
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        const double ticksPerSecond = 100; // USER_HZ on Linux
        return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture)
            + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / ticksPerSecond;
    }

    private static async Task<string> PostAsync(HttpClient client, string query, object variables)
    {
        using var content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync((Uri?)null, content);
        return await response.Content.ReadAsStringAsync();
    }
}
