namespace Cmdb.Host.Tests.Support;

/// <summary>One running host over a temp database seeded with the shipped demo estate.</summary>
public sealed class SeededHostFixture : IDisposable
{
    private readonly TempDirectory _directory = new();

    public SeededHostFixture()
    {
        Factory = new CmdbAppFactory(_directory.File("cmdb.db"));
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
