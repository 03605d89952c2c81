using System.Text.Json;
using Hl7.Fhir.Model;
using ImagingBot.CdsHooks;
using ImagingBot.CdsHooks.Wire;
using ImagingBot.Guidance;
using Microsoft.Extensions.Time.Testing;
using static ImagingBot.Tests.CdsHooks.HookRequests;

namespace ImagingBot.Tests.CdsHooks;

/// <summary>FHIR to codes: the orders asked about, their codes, the problem list's active codes and the age group.</summary>
public sealed class FhirOrderReaderTests
{
    private static readonly FhirOrderReader Reader = new(new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("2008-12-03", AgeGroup.Adult)]
    [InlineData("2008-12-04", AgeGroup.Child)]
    [InlineData("1961-12-03", AgeGroup.Older)]
    [InlineData("1961-12-04", AgeGroup.Adult)]
    [InlineData("1990", AgeGroup.Adult)]
    [InlineData("2008", null)]
    [InlineData("2008-11", AgeGroup.Adult)]
    [InlineData("2008-12", null)]
    [InlineData("1961", null)]
    [InlineData("not a date", null)]
    [InlineData(null, null)]
    public void The_age_group_comes_from_the_birth_date_and_a_date_too_coarse_to_tell_gives_none(string? birthDate, AgeGroup? group)
    {
        Assert.Equal(group, Reader.AgeOf(birthDate is null ? new Patient() : new Patient { BirthDate = birthDate }));
    }

    [Fact]
    public void Order_select_reads_the_selected_orders_codes_reasons_and_active_conditions()
    {
        var request = Request(
            "order-select",
            [Order("a", "72148", [$"{Icd10Cm}|M54.50"]), Order("b", "72131", [$"{Icd10Cm}|M54.59"])],
            ["ServiceRequest/b"],
            "1970-01-01",
            [$"{Icd10Cm}|Z85.3"]);
        request["prefetch"]!["conditions"]!["entry"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject { ["resource"] = Condition("gone", $"{Icd10Cm}|M81.0", clinicalStatus: "resolved") });

        var order = Assert.Single(Reader.Read(JsonSerializer.Deserialize<CdsHookRequest>(request.ToJsonString(), CdsHooksJson.Options)!, selectedOnly: true));

        Assert.Equal("b", order.Order.Id);
        Assert.Equal([new CodeReference(Cpt, "72131")], order.OrderCodes);
        Assert.Equal([new CodeReference(Icd10Cm, "M54.59")], order.Reasons);
        Assert.Equal([new CodeReference(Icd10Cm, "Z85.3")], order.Conditions);
        Assert.Equal(AgeGroup.Adult, order.Age);
    }

    [Fact]
    public void Order_sign_reads_every_draft_service_request_and_a_missing_prefetch_gives_no_age_and_no_conditions()
    {
        var request = Request("order-sign", [Order("a", "72148", []), Order("b", "70450", [])], null, null, []);
        request.Remove("prefetch");

        var orders = Reader.Read(JsonSerializer.Deserialize<CdsHookRequest>(request.ToJsonString(), CdsHooksJson.Options)!, selectedOnly: false);

        Assert.Equal(["a", "b"], orders.Select(o => o.Order.Id));
        Assert.All(orders, o => Assert.Null(o.Age));
        Assert.All(orders, o => Assert.Empty(o.Conditions));
    }
}
