using System.Text.Json.Nodes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Cmdb.GraphQL.Types.Inputs;

namespace Cmdb.GraphQL.Mutations;

/// <summary>Turns GraphQL inputs into domain values; shape problems become VALIDATION errors naming the input path.</summary>
public static class WriteInputs
{
    public static CiFields ToFields(CiChangesInput input, string path) => new()
    {
        Name = input.Name,
        Status = input.Status,
        Environment = input.Environment,
        Criticality = input.Criticality,
        Owner = input.Owner,
        SupportGroup = input.SupportGroup,
        Tags = input.Tags,
        Attributes = ToObject(input.Attributes, $"{path}.attributes"),
        Identifiers = ToIdentifiers(input.Identifiers, $"{path}.identifiers"),
        MinHealthy = input.MinHealthy,
    };

    public static CiRef ToRef(CiRefInput input, string path)
    {
        var reference = new CiRef(input.Id, input.Scheme, input.Value);
        reference.EnsureWellFormed(path);
        return reference;
    }

    public static JsonObject? ToObject(JsonNode? node, string path) => node switch
    {
        null => null,
        JsonObject o => o,
        _ => throw CmdbException.Invalid($"{path} must be a JSON object, not {node.GetValueKind().ToString().ToLowerInvariant()}.", path),
    };

    public static CiFilter ToFilter(CiFilterInput? input)
    {
        if (input is null) return CiFilter.None;
        Dictionary<string, string>? attributes = null;
        if (input.Attributes is { Length: > 0 })
        {
            attributes = new(StringComparer.Ordinal);
            foreach (var a in input.Attributes)
            {
                if (!attributes.TryAdd(a.Name, a.Value))
                    throw CmdbException.Invalid($"The filter names attribute '{a.Name}' twice.", "filter.attributes");
            }
        }

        return new CiFilter
        {
            Classes = input.Classes,
            Statuses = input.Statuses,
            Environments = input.Environments,
            Criticalities = input.Criticalities,
            Tags = input.Tags,
            Owner = input.Owner,
            SupportGroup = input.SupportGroup,
            AttributeEquals = attributes,
        };
    }

    private static Dictionary<string, string>? ToIdentifiers(IdentifierInput[]? identifiers, string path)
    {
        if (identifiers is null) return null;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < identifiers.Length; i++)
        {
            if (!result.TryAdd(identifiers[i].Scheme, identifiers[i].Value))
                throw CmdbException.Invalid($"Identifier scheme '{identifiers[i].Scheme}' is given twice.", $"{path}[{i}]");
        }

        return result;
    }
}
