using System.Text;
using System.Text.Json;
using Cmdb.Testing.Synthetic;

namespace Cmdb.Benchmarks;

internal static partial class GraphQLLoadCommand
{
    /// <summary>
    /// Request bodies for <c>--start-cis N</c>: the same query from up to N distinct CIs drawn with the seed. One hot CI
    /// is always in the host's header cache; a crowd browsing many CIs is not, so this shows the cold-read cost too.
    /// </summary>
    private static async Task<byte[][]> SpreadBodiesAsync(HttpClient client, SyntheticEstate estate, BenchmarkOptions o, string query)
    {
        var random = new Random(o.Seed);
        var picks = Enumerable.Range(0, o.StartCis).Select(_ => random.Next(estate.CiCount)).Distinct().ToArray();
        var bodies = new byte[picks.Length][];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < picks.Length)
            {
                var ci = picks[i];
                var found = await PostAsync(client, LookupQuery, new { s = SyntheticKindInfo.Of(estate.Kind(ci)).Scheme, v = estate.IdentifierValue(ci) });
                using var doc = JsonDocument.Parse(found);
                var id = doc.RootElement.GetProperty("data").GetProperty("ciByIdentifier").GetProperty("id").GetString()!;
                bodies[i] = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query, variables = new { id } }));
            }
        }));
        return bodies;
    }
}
