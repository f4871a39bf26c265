namespace Cmdb.Host.Hosting;

/// <summary>Whether and what to load into an empty store on first start (section <see cref="SectionName"/>).</summary>
internal sealed class SeedOptions
{
    public const string SectionName = "Cmdb:Seed";

    /// <summary>Import the demo estate when the store holds no CI at start-up. A store with any CI is never seeded.</summary>
    /// <value>Default <c>true</c>.</value>
    public bool LoadDemoEstate { get; set; } = true;

    /// <summary>The bulk import document to seed from. A relative path is taken from the working directory.</summary>
    /// <value>Default: the shipped <c>seed/demo-estate.json</c> next to the binaries.</value>
    public string? DemoEstatePath { get; set; }

    /// <summary>The document to seed from, with the default applied and the path made absolute.</summary>
    public string ResolvedDemoEstatePath =>
        string.IsNullOrWhiteSpace(DemoEstatePath) ? ShippedFiles.DemoEstate : ShippedFiles.Resolve(DemoEstatePath);
}
