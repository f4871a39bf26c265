using System.Text;
using Cmdb.Domain.Model;

namespace Cmdb.Domain.Tests;

/// <summary>A small model with inheritance, required attributes and endpoint rules, independent of the shipped one.</summary>
internal static class TestModel
{
    public const string Json = """
        {
          "classes": [
            { "name": "ConfigurationItem", "abstract": true, "identification": [["cmdb.key"]] },
            { "name": "Computer", "extends": "ConfigurationItem", "abstract": true, "identification": [["serial"], ["fqdn"]] },
            { "name": "Server", "extends": "Computer" },
            { "name": "LinuxServer", "extends": "Server", "requiredAttributes": ["os"] },
            { "name": "VirtualMachine", "extends": "Computer" },
            { "name": "Application", "extends": "ConfigurationItem" },
            { "name": "Database", "extends": "ConfigurationItem", "requiredAttributes": ["engine"], "identification": [["db.key"]] },
            { "name": "PostgresDatabase", "extends": "Database", "requiredAttributes": ["version", "engine"] }
          ],
          "relationshipTypes": [
            { "name": "DEPENDS_ON", "forward": "depends on", "reverse": "used by", "propagation": "targetToSource" },
            { "name": "RUNS_ON", "forward": "runs on", "reverse": "runs", "propagation": "targetToSource",
              "sources": ["Application", "Database"], "targets": ["Computer"] },
            { "name": "BACKS_UP", "forward": "backs up", "reverse": "backed up by", "allowSelfLoop": true }
          ]
        }
        """;

    public static ModelCatalog Load() => Load(Json);

    public static ModelCatalog Load(string json) => ModelLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test-model");
}
