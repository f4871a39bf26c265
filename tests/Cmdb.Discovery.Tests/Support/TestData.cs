namespace Cmdb.Discovery.Tests.Support;

/// <summary>Recorded inputs under Data/ (copied next to the test assembly).</summary>
internal static class TestData
{
    public static string PathOf(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Data", .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));
}
