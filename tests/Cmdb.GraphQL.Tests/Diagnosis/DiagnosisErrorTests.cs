using System.Text.Json.Nodes;
using Cmdb.GraphQL.Tests.Support;

namespace Cmdb.GraphQL.Tests.Diagnosis;

/// <summary>Every bad value a caller can send to diagnose and whatChanged gets a clear error with its code.</summary>
public sealed class DiagnosisErrorTests : SeededHostTests
{
    private const string Diagnose = "query($input: DiagnoseInput, $incidentId: ID) { diagnose(input: $input, incidentId: $incidentId) { causes { ciId } } }";
    private const string WhatChanged =
        "query($ids: [ID!]!, $since: DateTime!, $until: DateTime, $depth: Int) { whatChanged(ciIds: $ids, since: $since, until: $until, depth: $depth) { ciId } }";

    private string Now => Host.Time.GetUtcNow().ToString("O");

    private static string Input(string startedAt, JsonArray symptoms, string? incidentId = null, int? windowHours = null)
    {
        var input = new JsonObject { ["symptomCiIds"] = symptoms, ["startedAt"] = startedAt };
        if (windowHours is not null) input["windowHours"] = windowHours;
        var vars = new JsonObject { ["input"] = input };
        if (incidentId is not null) vars["incidentId"] = incidentId;
        return vars.ToJsonString();
    }

    [Fact]
    public async Task Diagnose_NeitherIncidentNorInput_Validation() =>
        ErrorAssert.Expect(await Host.ExecuteAsync(Diagnose, "{}"), "VALIDATION", "exactly one");

    [Fact]
    public async Task Diagnose_BothIncidentAndInput_Validation() =>
        ErrorAssert.Expect(await Host.ExecuteAsync(Diagnose, Input(Now, [T.Storefront], incidentId: "01J0000000000000000000000X")), "VALIDATION", "exactly one");

    [Fact]
    public async Task Diagnose_UnknownIncident_NotFound() =>
        ErrorAssert.Expect(await Host.ExecuteAsync(Diagnose, new JsonObject { ["incidentId"] = "01J0000000000000000000000X" }.ToJsonString()), "NOT_FOUND", "does not exist");

    [Fact]
    public async Task Diagnose_EmptySymptomList_Validation() =>
        ErrorAssert.Expect(await Host.ExecuteAsync(Diagnose, Input(Now, [])), "VALIDATION", "at least one");

    [Fact]
    public async Task Diagnose_UnknownSymptomCi_Validation() =>
        ErrorAssert.Expect(await Host.ExecuteAsync(Diagnose, Input(Now, ["01J0000000000000000000000X"])), "VALIDATION", "does not exist");

    [Fact]
    public async Task Diagnose_StartInTheFuture_Validation() =>
        ErrorAssert.Expect(await Host.ExecuteAsync(Diagnose, Input(Host.Time.GetUtcNow().AddHours(2).ToString("O"), [T.Storefront])), "VALIDATION", "future");

    [Fact]
    public async Task Diagnose_WindowOutOfRange_Validation() =>
        ErrorAssert.Expect(await Host.ExecuteAsync(Diagnose, Input(Now, [T.Storefront], windowHours: 0)), "VALIDATION", "window");

    [Fact]
    public async Task Diagnose_FirstOutOfRange_Validation() =>
        ErrorAssert.Expect(
            await Host.ExecuteAsync("query($input: DiagnoseInput) { diagnose(input: $input) { causes(first: 0) { ciId } } }", Input(Now, [T.Storefront])),
            "VALIDATION", "between 1 and 100");

    [Fact]
    public async Task WhatChanged_SinceAfterUntil_Validation() =>
        ErrorAssert.Expect(
            await Host.ExecuteAsync(WhatChanged, new JsonObject { ["ids"] = new JsonArray(T.Storefront), ["since"] = Now, ["until"] = Host.Time.GetUtcNow().AddHours(-1).ToString("O") }.ToJsonString()),
            "VALIDATION", "after until");

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public async Task WhatChanged_DepthOutOfRange_Validation(int depth) =>
        ErrorAssert.Expect(
            await Host.ExecuteAsync(WhatChanged, new JsonObject { ["ids"] = new JsonArray(T.Storefront), ["since"] = Now, ["depth"] = depth }.ToJsonString()),
            "VALIDATION", "depth");

    [Fact]
    public async Task WhatChanged_NoCis_Validation() =>
        ErrorAssert.Expect(await Host.ExecuteAsync(WhatChanged, new JsonObject { ["ids"] = new JsonArray(), ["since"] = Now }.ToJsonString()), "VALIDATION", "at least one");

    [Fact]
    public async Task WhatChanged_UnknownCi_Validation() =>
        ErrorAssert.Expect(
            await Host.ExecuteAsync(WhatChanged, new JsonObject { ["ids"] = new JsonArray("01J0000000000000000000000X"), ["since"] = Now }.ToJsonString()),
            "VALIDATION", "does not exist");
}
