namespace Cmdb.Host.Hosting;

/// <summary>A plain page at <c>/</c> naming the endpoints, until the engineers' web page exists.</summary>
internal static class LandingPage
{
    public const string Html = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Cmdb</title></head>
        <body>
        <h1>Cmdb</h1>
        <p>A graph configuration management database.</p>
        <ul>
          <li><code>POST /graphql</code> (and <code>GET /graphql?query=...</code> for queries): the GraphQL API,
              following the GraphQL-over-HTTP specification. Send <code>Content-Type: application/json</code>.</li>
          <li><code>GET /health</code>: whether the store is open and ready.</li>
        </ul>
        </body>
        </html>
        """;

    public static IResult Render() => Results.Content(Html, "text/html; charset=utf-8");
}
