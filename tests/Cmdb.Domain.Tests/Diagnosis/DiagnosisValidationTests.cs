using Cmdb.Domain.Diagnosis;
using Cmdb.Domain.Errors;
using Cmdb.Testing;
using static Cmdb.Domain.Model.WellKnown.Classes;

namespace Cmdb.Domain.Tests.Diagnosis;

public class DiagnosisValidationTests
{
    private readonly DiagnosisEngine _engine = new();

    private static DiagnosisRequest Request(IReadOnlyList<string> symptoms, TimeSpan? window = null) =>
        new(symptoms, DiagnosisRankingTests.Start, window ?? TimeSpan.FromHours(24));

    [Fact]
    public void Prepare_NoSymptoms_Validation()
    {
        var e = Assert.Throws<CmdbException>(() => _engine.Prepare(DiagnosisRankingTests.TwoEqualCaches(), Request([])));

        Assert.Equal(ErrorCode.Validation, e.Code);
        Assert.Contains("at least one", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_UnknownSymptom_ValidationNamingIt()
    {
        var e = Assert.Throws<CmdbException>(() => _engine.Prepare(DiagnosisRankingTests.TwoEqualCaches(), Request(["a1", "nope"])));

        Assert.Equal(ErrorCode.Validation, e.Code);
        Assert.Contains("'nope'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_SymptomCreatedAfterTheStart_Validation()
    {
        var graph = new GraphBuilder().Ci("old", Application).Commit().Ci("new", Application).Build();
        var between = new DateTimeOffset(2026, 1, 1, 0, 1, 30, TimeSpan.Zero);

        var e = Assert.Throws<CmdbException>(() => _engine.Prepare(graph, new DiagnosisRequest(["new"], between, TimeSpan.FromHours(1))));

        Assert.Equal(ErrorCode.Validation, e.Code);
        Assert.Contains("as of the start", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(24 * 15)]
    public void Prepare_WindowOutOfRange_Validation(int hours)
    {
        var e = Assert.Throws<CmdbException>(() => _engine.Prepare(DiagnosisRankingTests.TwoEqualCaches(), Request(["a1"], TimeSpan.FromHours(hours))));

        Assert.Equal(ErrorCode.Validation, e.Code);
        Assert.Equal("windowHours", e.Path);
    }

    [Fact]
    public void Prepare_TooManySymptoms_Validation()
    {
        var engine = new DiagnosisEngine(new DiagnosisOptions { MaxSymptoms = 1 });

        var e = Assert.Throws<CmdbException>(() => engine.Prepare(DiagnosisRankingTests.TwoEqualCaches(), Request(["a1", "a2"])));

        Assert.Equal(ErrorCode.Validation, e.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Rank_FirstOutOfRange_Validation(int first)
    {
        var scope = _engine.Prepare(DiagnosisRankingTests.TwoEqualCaches(), Request(["a1"]));

        var e = Assert.Throws<CmdbException>(() => _engine.Rank(scope, DiagnosisEvidence.Empty, first));

        Assert.Equal(ErrorCode.Validation, e.Code);
        Assert.Equal("first", e.Path);
    }
}
