using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Cmdb.Host.Tests.Webhooks;

/// <summary>Posts to the Alertmanager webhook and reads its answers.</summary>
internal static class WebhookClient
{
    public const string Endpoint = "/webhooks/alertmanager";

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string contentType = "application/json", string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static int Int(JsonObject o, string name) => o[name]!.GetValue<int>();
}
