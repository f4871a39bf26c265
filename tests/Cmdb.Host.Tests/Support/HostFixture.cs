namespace Cmdb.Host.Tests.Support;

/// <summary>One running host over an empty temp database, shared by the tests of a class.</summary>
public sealed class HostFixture : IDisposable
{
    private readonly TempDirectory _directory = new();

    public HostFixture()
    {
        Factory = new CmdbAppFactory(_directory.File("cmdb.db"), new Dictionary<string, string?> { ["Cmdb:Seed:LoadDemoEstate"] = "false" });
        Client = Factory.CreateClient();
    }

    public CmdbAppFactory Factory { get; }

    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        _directory.Dispose();
    }
}
