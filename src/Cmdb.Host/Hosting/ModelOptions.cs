namespace Cmdb.Host.Hosting;

/// <summary>Which model files define the CI classes and relationship types (section <see cref="SectionName"/>).</summary>
internal sealed class ModelOptions
{
    public const string SectionName = "Cmdb:Model";

    /// <summary>Model files, loaded in order; later files may add classes and types. Relative paths are taken from the working directory.</summary>
    /// <value>Default: empty, meaning the shipped <c>seed/model.json</c> next to the binaries.</value>
    /// <remarks>Arrays bind by appending, so the default must be empty rather than the shipped file.</remarks>
    public string[] Files { get; set; } = [];

    /// <summary>The files to load, with the default applied and every path made absolute.</summary>
    public IReadOnlyList<string> ResolvedFiles =>
        Files.Length == 0 ? [ShippedFiles.Model] : Files.Select(ShippedFiles.Resolve).ToArray();
}
