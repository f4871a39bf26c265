using Microsoft.Extensions.Options;

namespace Cmdb.Host.Hosting;

/// <summary>Reports every unusable model file setting at once, at start-up.</summary>
internal sealed class ModelOptionsValidator : IValidateOptions<ModelOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelOptions options)
    {
        var failures = new List<string>();
        if (options.Files.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{ModelOptions.SectionName}:Files has an empty entry; list the paths of model files.");
        }
        else if (options.Files.Length == 0)
        {
            if (!File.Exists(ShippedFiles.Model))
                failures.Add($"The shipped model '{ShippedFiles.Model}' is missing; reinstall, or list model files in {ModelOptions.SectionName}:Files.");
        }
        else
        {
            failures.AddRange(options.ResolvedFiles.Where(f => !File.Exists(f))
                .Select(f => $"{ModelOptions.SectionName}:Files names '{f}', which does not exist."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
