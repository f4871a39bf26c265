using Microsoft.Extensions.Options;

namespace Cmdb.Host.Hosting;

/// <summary>Refuses to start when seeding is on but its document is missing, rather than starting empty unnoticed.</summary>
internal sealed class SeedOptionsValidator : IValidateOptions<SeedOptions>
{
    public ValidateOptionsResult Validate(string? name, SeedOptions options) =>
        !options.LoadDemoEstate || File.Exists(options.ResolvedDemoEstatePath)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{SeedOptions.SectionName}:LoadDemoEstate is true but the demo estate '{options.ResolvedDemoEstatePath}' does not exist; " +
                $"set {SeedOptions.SectionName}:DemoEstatePath to a bulk import document, or LoadDemoEstate to false.");
}
