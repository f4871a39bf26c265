using System.Security.Cryptography;
using Cmdb.Testing.Synthetic;
using Xunit;

namespace Cmdb.Domain.Tests.Synthetic;

public sealed class SyntheticEstateDeterminismTests
{
    [Fact]
    public void Generate_SameCountAndSeed_GivesTheSameDocumentByteForByte()
    {
        var first = Hash(SyntheticEstate.Generate(8_000, 42));
        var second = Hash(SyntheticEstate.Generate(8_000, 42));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_SameCountAndSeed_GivesTheSameIdsAndReferences()
    {
        var a = SyntheticEstate.Generate(8_000, 42);
        var b = SyntheticEstate.Generate(8_000, 42);

        Assert.Equal(a.Ids(), b.Ids());
        Assert.Equal(a.References, b.References);
    }

    [Fact]
    public void Generate_AnotherSeed_GivesAnotherEstate()
    {
        var a = SyntheticEstate.Generate(8_000, 42);
        var b = SyntheticEstate.Generate(8_000, 43);

        Assert.NotEqual(Hash(a), Hash(b));
        Assert.Empty(a.Ids().Intersect(b.Ids()));
    }

    private static string Hash(SyntheticEstate estate)
    {
        using var buffer = new MemoryStream();
        estate.WriteImportDocument(buffer);
        return Convert.ToHexString(SHA256.HashData(buffer.ToArray()));
    }
}
