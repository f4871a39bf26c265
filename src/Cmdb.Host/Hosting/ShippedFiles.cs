namespace Cmdb.Host.Hosting;

/// <summary>
/// The seed files copied next to the binaries (<c>seed/*.json</c>). Defaults point here, not at the working
/// directory, so the service finds its model however and wherever it is started.
/// </summary>
internal static class ShippedFiles
{
    public static string SeedDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "seed");

    public static string Model { get; } = Path.Combine(SeedDirectory, "model.json");

    public static string DemoEstate { get; } = Path.Combine(SeedDirectory, "demo-estate.json");

    /// <summary>A configured path: absolute as given, or relative to the working directory (as a user expects).</summary>
    public static string Resolve(string path) => Path.GetFullPath(path);
}
