using Cmdb.GraphQL.Errors;
using Cmdb.GraphQL.Tests.Support;
using static Cmdb.GraphQL.Tests.Impact.EstateFacts;

namespace Cmdb.GraphQL.Tests.Impact;

/// <summary>Every argument of the impact fields that a caller can get wrong gives a clear, coded error.</summary>
public sealed class ImpactErrorTests : IClassFixture<ExampleOperationsTests.DemoEstate>
{
    private const string Unknown1 = "01JZZZZZZZZZZZZZZZZZZZZZZ1";
    private const string Unknown2 = "01JZZZZZZZZZZZZZZZZZZZZZZ2";

    private readonly GraphQLTestHost _host;
    private readonly EstateFacts _facts;

    public ImpactErrorTests(ExampleOperationsTests.DemoEstate estate)
    {
        _host = estate.Host;
        _facts = new EstateFacts(_host);
    }

    public static TheoryData<string, string, string, string?> BadImpactArguments() => new()
    {
        { "ciIds: []", CmdbErrorCodes.Validation, "at least one CI", "ciIds" },
        { "ciIds: [\"ERP\", \"\"]", CmdbErrorCodes.Validation, "is empty", "ciIds" },
        { "ciIds: [\"ERP\"], maxDepth: -1", CmdbErrorCodes.Validation, "between 0 and 50", "maxDepth" },
        { "ciIds: [\"ERP\"], maxDepth: 51", CmdbErrorCodes.Validation, "between 0 and 50", "maxDepth" },
        { "ciIds: [\"ERP\"], relationshipTypes: [\"DEPENDS_ON\", \"HUGS\"]", CmdbErrorCodes.Validation, "'HUGS'", "relationshipTypes" },
        { "ciIds: [\"ERP\"], environments: [\" \"]", CmdbErrorCodes.Validation, "environment name is empty", "environments" },
        { "ciIds: [\"ERP\"], asOf: \"2001-01-01T00:00:00Z\"", CmdbErrorCodes.NotFound, "No CI with id", null },
        { "ciIds: [\"ERP\"], asOf: \"last week\"", CmdbErrorCodes.Validation, "", null },
    };

    [Theory]
    [MemberData(nameof(BadImpactArguments))]
    public async Task Impact_BadArgument_IsACodedErrorNamingTheProblem(string arguments, string code, string fragment, string? inputPath)
    {
        var erp = await _facts.CiAsync(ErpScheme, ErpKey);

        var response = await _host.ExecuteAsync($$"""{ impact({{arguments.Replace("ERP", erp.Id, StringComparison.Ordinal)}}) { totalCount } }""");

        var error = ErrorAssert.Expect(response, code, fragment);
        Assert.Equal(inputPath, error["extensions"]?["inputPath"]?.GetValue<string>());
        Assert.Null(response["data"]);
    }

    [Fact]
    public async Task Impact_UnknownCis_IsNotFoundNamingEachOne()
    {
        var erp = await _facts.CiAsync(ErpScheme, ErpKey);

        var response = await _host.ExecuteAsync($$"""{ impact(ciIds: ["{{Unknown1}}", "{{erp.Id}}", "{{Unknown2}}"]) { totalCount } }""");

        var message = ErrorAssert.Message(ErrorAssert.Expect(response, CmdbErrorCodes.NotFound, Unknown1));
        Assert.Contains(Unknown2, message, StringComparison.Ordinal);
        Assert.DoesNotContain(erp.Id, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("first: 0", "first")]
    [InlineData("first: 100000", "first")]
    [InlineData("after: \"not-a-cursor\"", "after")]
    [InlineData("after: \"\"", "after")]
    public async Task Items_BadPagingArgument_IsValidationError(string arguments, string inputPath)
    {
        var erp = await _facts.CiAsync(ErpScheme, ErpKey);

        var response = await _host.ExecuteAsync($$"""{ impact(ciIds: ["{{erp.Id}}"]) { items({{arguments}}) { totalCount } } }""");

        var error = ErrorAssert.One(response);
        Assert.Equal(CmdbErrorCodes.Validation, ErrorAssert.Code(error));
        Assert.Equal(inputPath, error["extensions"]!["inputPath"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("k: 0", CmdbErrorCodes.Validation, "k must be between 1 and 20")]
    [InlineData("k: 21", CmdbErrorCodes.Validation, "k must be between 1 and 20")]
    [InlineData("maxDepth: 51", CmdbErrorCodes.Validation, "between 0 and 50")]
    [InlineData("same", CmdbErrorCodes.Validation, "same CI")]
    [InlineData("unknown", CmdbErrorCodes.NotFound, Unknown1)]
    public async Task Paths_BadArgument_IsACodedError(string variant, string code, string fragment)
    {
        var erp = await _facts.CiAsync(ErpScheme, ErpKey);
        var app = await _facts.CiAsync(Domain.Model.WellKnown.Identifiers.CmdbKey, PayrollAppKey);
        var to = variant switch { "same" => app.Id, "unknown" => Unknown1, _ => erp.Id };
        var extra = variant.Contains(':', StringComparison.Ordinal) ? ", " + variant : "";

        var response = await _host.ExecuteAsync($$"""{ paths(from: "{{app.Id}}", to: "{{to}}"{{extra}}) { length } }""");

        ErrorAssert.Expect(response, code, fragment);
    }

    [Theory]
    [InlineData("""{ dependencies(ciId: "ID") { totalCount } }""", CmdbErrorCodes.NotFound, "ID")]
    [InlineData("""{ dependencies(ciId: "ERP", relationshipTypes: ["FEEDS"]) { totalCount } }""", CmdbErrorCodes.Validation, "'FEEDS'")]
    [InlineData("""{ dependencies(ciId: "ERP", maxDepth: -2) { totalCount } }""", CmdbErrorCodes.Validation, "between 0 and 50")]
    [InlineData("""{ dependencies(ciId: "") { totalCount } }""", CmdbErrorCodes.Validation, "id must be")]
    [InlineData("""{ singlePointsOfFailure(serviceId: "ID") { rank } }""", CmdbErrorCodes.NotFound, "ID")]
    [InlineData("""{ ci(id: "ERP") { impact(maxDepth: 99) { totalCount } } }""", CmdbErrorCodes.Validation, "between 0 and 50")]
    [InlineData("""{ ci(id: "ERP") { impact(relationshipTypes: ["HUGS"]) { totalCount } } }""", CmdbErrorCodes.Validation, "'HUGS'")]
    public async Task OtherImpactFields_BadArgument_IsACodedError(string query, string code, string fragment)
    {
        var erp = await _facts.CiAsync(ErpScheme, ErpKey);

        var response = await _host.ExecuteAsync(query.Replace("ERP", erp.Id, StringComparison.Ordinal).Replace("\"ID\"", $"\"{Unknown1}\"", StringComparison.Ordinal));

        ErrorAssert.Expect(response, code, fragment == "ID" ? Unknown1 : fragment);
    }
}
