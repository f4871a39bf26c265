using Cmdb.Testing.Synthetic;

namespace Cmdb.Domain.Tests.Synthetic;

/// <summary>One mid-sized estate shared by the generator tests (generating it takes well under a second).</summary>
public sealed class SyntheticEstateFixture
{
    public const int Count = 20_000;
    public const int Seed = 7;

    public SyntheticEstate Estate { get; } = SyntheticEstate.Generate(Count, Seed);
}
