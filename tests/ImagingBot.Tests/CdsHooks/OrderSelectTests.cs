using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using static ImagingBot.Tests.CdsHooks.HookRequests;

namespace ImagingBot.Tests.CdsHooks;

/// <summary>
/// The CDS Hooks service over HTTP with requests shaped like the CDS Hooks sandbox's: every variant the codes carry,
/// emergencies, a child, a study or a reason the topic does not cover, code lists in ICD-10-CM or SNOMED CT only.
/// Every resource it writes is valid FHIR R4.
/// </summary>
public sealed class OrderSelectTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly WebApplicationFactory<Program> _app = factory.Anonymous();

    public sealed record Row(string Patient, string Cpt, string[] Reasons, int Age, string[] Conditions, string Indicator, int Variant, string? Rating, string? SuggestedCpt, bool SuggestsCancelling = false)
    {
        public override string ToString() => Patient;
    }

    public static TheoryData<Row> Rows() => new()
    {
        new("the sandbox's lumbar CT for low back pain (SNOMED CT)", "72133", [$"{Snomed}|279039007"], 45, [], "warning", 1, "not-appropriate", null, SuggestsCancelling: true),
        new("acute low back pain, MRI, SNOMED CT only", "72148", [$"{Snomed}|278862001"], 38, [], "warning", 1, "not-appropriate", null, SuggestsCancelling: true),
        new("chronic low back pain, MRI, ICD-10-CM only", "72148", [$"{Icd10Cm}|M54.50", $"{Icd10Cm}|G89.29"], 52, [], "warning", 2, "not-appropriate", null, SuggestsCancelling: true),
        new("cauda equina syndrome, MRI without and with contrast", "72158", [$"{Icd10Cm}|M54.50", $"{Icd10Cm}|G83.4"], 45, [], "critical", 4, "appropriate", null),
        new("cauda equina syndrome, CT ordered", "72131", [$"{Icd10Cm}|M54.50", $"{Icd10Cm}|G83.4"], 45, [], "critical", 4, "appropriate", "72158"),
        new("after a laminectomy, radiography", "72100", [$"{Icd10Cm}|M54.16", $"{Icd10Cm}|M96.1"], 58, [], "info", 5, "appropriate", null),
        new("82 years old, MRI without contrast", "72148", [$"{Icd10Cm}|M54.50"], 82, [], "info", 6, "appropriate", null),
        new("osteoporosis, CT with contrast (not rated in variant 6)", "72132", [$"{Icd10Cm}|M54.50", $"{Icd10Cm}|M81.0"], 60, [], "warning", 6, null, "72100"),
        new("breast cancer on the problem list, CT without contrast", "72131", [$"{Icd10Cm}|M54.50"], 61, [$"{Icd10Cm}|Z85.3"], "warning", 7, "appropriate", "72158"),
        new("sepsis, MRI without and with contrast", "72158", [$"{Icd10Cm}|M54.50", $"{Icd10Cm}|A41.9"], 67, [], "critical", 7, "appropriate", null),
        new("HIV on the problem list, bone scan", "78306", [$"{Snomed}|279039007"], 44, [$"{Snomed}|86406008"], "warning", 7, "not-appropriate", "72158"),
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Each_variant_gets_its_card_its_rating_and_its_suggestion(Row row)
    {
        using var client = _app.CreateClient();

        var response = await client.AnswerAsync(OrderSelect(row.Cpt, row.Reasons, BornYearsAgo(row.Age), row.Conditions));

        var card = Assert.Single(response.Cards())!.AsObject();
        Assert.Equal(row.Indicator, (string?)card["indicator"]);
        var summary = (string)card["summary"]!;
        Assert.InRange(summary.Length, 1, 139);
        var detail = (string)card["detail"]!;
        Assert.Contains($"**ACR variant {row.Variant}:**", detail, StringComparison.Ordinal);
        Assert.Contains("radiation", detail, StringComparison.Ordinal);
        Assert.Contains("ACR Appropriateness Criteria: Low Back Pain (revised 2021)", detail, StringComparison.Ordinal);
        Assert.Equal("https://acsearch.acr.org/docs/69483/Narrative/", (string?)card["links"]![0]!["url"]);
        Assert.NotNull(card["source"]!["label"]);

        var actions = response.SystemActions();
        if (row.Rating is null)
        {
            Assert.Empty(actions);
            Assert.Contains("not rated", detail, StringComparison.Ordinal);
        }
        else
        {
            var rated = CdsHooksClient.ServiceRequest(Assert.Single(actions)!["resource"]!);
            Assert.Equal("update", (string?)actions[0]!["type"]);
            Assert.Equal(row.Rating, CdsHooksClient.PamaRating(rated));
            Assert.Equal("urn:uuid:" + (string)card["uuid"]!, CdsHooksClient.ConsultId(rated));
            Assert.Equal(row.Cpt, rated.Code!.Coding.Single().Code);
            Assert.Empty(FhirValidation.Errors(rated));
        }

        var suggestions = card["suggestions"]?.AsArray();
        if (row.SuggestedCpt is null && !row.SuggestsCancelling)
        {
            Assert.Null(suggestions);
            Assert.Null(card["overrideReasons"]);
            return;
        }

        Assert.Equal("at-most-one", (string?)card["selectionBehavior"]);
        Assert.NotEmpty(card["overrideReasons"]!.AsArray());
        var suggestion = Assert.Single(suggestions!)!.AsObject();
        Assert.True((bool)suggestion["isRecommended"]!);
        var action = Assert.Single(suggestion["actions"]!.AsArray())!.AsObject();
        if (row.SuggestsCancelling)
        {
            Assert.Equal("delete", (string?)action["type"]);
            Assert.Equal("ServiceRequest/example-" + PatientId, (string?)action["resourceId"]![0]);
            return;
        }

        Assert.Equal("update", (string?)action["type"]);
        var replacement = CdsHooksClient.ServiceRequest(action["resource"]!);
        Assert.Equal((Cpt, row.SuggestedCpt), (replacement.Code!.Coding.Single().System, replacement.Code.Coding.Single().Code));
        Assert.Equal("appropriate", CdsHooksClient.PamaRating(replacement));
        Assert.All(row.Reasons.Concat(row.Conditions), reason => Assert.Contains(replacement.ReasonCode.SelectMany(r => r.Coding), c => $"{c.System}|{c.Code}" == reason));
        Assert.Empty(FhirValidation.Errors(replacement));
    }

    [Fact]
    public async Task The_card_says_what_it_read_what_it_assumed_and_that_the_teams_consult_asks_the_rest()
    {
        using var client = _app.CreateClient();

        var card = Assert.Single((await client.AnswerAsync(OrderSelect("72148", [$"{Icd10Cm}|M54.50"], BornYearsAgo(40)))).Cards())!;

        var detail = (string)card["detail"]!;
        Assert.Contains("Low back pain, unspecified (ICD-10-CM M54.50, order reason)", detail, StringComparison.Ordinal);
        Assert.Contains("**Not in the codes, assumed for this rating:** no sign of cauda equina syndrome; no sign of sepsis or epidural abscess", detail, StringComparison.Ordinal);
        Assert.Contains("A missing code does not rule anything out", detail, StringComparison.Ordinal);
        Assert.Contains("The ImagingBot consult in Teams asks these questions", detail, StringComparison.Ordinal);
        Assert.Contains(card["overrideReasons"]!.AsArray(), r => (string?)r!["code"] == "finding-not-coded");
    }

    [Fact]
    public async Task A_code_that_says_less_than_its_answer_is_named_on_the_card()
    {
        using var client = _app.CreateClient();

        var card = Assert.Single((await client.AnswerAsync(OrderSelect("72148", [$"{Icd10Cm}|M54.50", $"{Icd10Cm}|Z98.1"], BornYearsAgo(50)))).Cards())!;

        Assert.Contains("**ACR variant 5:**", (string)card["detail"]!, StringComparison.Ordinal);
        Assert.Contains("Arthrodesis status does not name the joint", (string)card["detail"]!, StringComparison.Ordinal);
    }

    public static TheoryData<string, JsonObject> NoCriteriaApply() => new()
    {
        { "a 12-year-old (ACR's Back Pain-Child topic)", OrderSelect("72148", [$"{Icd10Cm}|M54.50"], BornYearsAgo(12)) },
        { "a CPT code the topic does not cover (CT head)", OrderSelect("70450", [$"{Icd10Cm}|M54.50"], BornYearsAgo(40)) },
        { "a reason that is not low back pain (knee sprain, WHO ICD-10)", OrderSelect("72148", ["http://hl7.org/fhir/sid/icd-10|S83.511"], BornYearsAgo(40)) },
        { "an order coded in LOINC only", Request("order-select", [Order("a", "36801-9", [$"{Icd10Cm}|M54.50"], codeSystem: "http://loinc.org")], ["ServiceRequest/a"], BornYearsAgo(40), []) },
        { "no birth date (the age cannot be told)", OrderSelect("72148", [$"{Icd10Cm}|M54.50"], birthDate: null) },
        { "a birth year on both sides of 18", OrderSelect("72148", [$"{Icd10Cm}|M54.50"], (DateTime.UtcNow.Year - 18).ToString(System.Globalization.CultureInfo.InvariantCulture)) },
        { "codes of unknown systems and unknown codes", OrderSelect("72148", ["http://example.org/local|LBP", $"{Icd10Cm}|Q99.9", $"{Snomed}|404684003"], BornYearsAgo(40)) },
        { "an order that is not selected", Request("order-select", [Order("a", "72148", [$"{Icd10Cm}|M54.50"])], ["ServiceRequest/other"], BornYearsAgo(40), []) },
    };

    [Theory]
    [MemberData(nameof(NoCriteriaApply))]
    public async Task No_card_and_no_rating_when_no_criteria_apply_and_never_an_error(string patient, JsonObject request)
    {
        using var client = _app.CreateClient();

        var response = await client.AnswerAsync(request);

        Assert.True(response.Cards().Count == 0, patient);
        Assert.Null(response["systemActions"]);
    }

    [Fact]
    public async Task A_childs_coded_emergency_is_shown_as_critical_without_an_adult_rating()
    {
        using var client = _app.CreateClient();

        var response = await client.AnswerAsync(OrderSelect("72148", [$"{Icd10Cm}|M54.50", $"{Icd10Cm}|G83.4"], BornYearsAgo(12)));

        var card = Assert.Single(response.Cards())!;
        Assert.Equal("critical", (string?)card["indicator"]);
        Assert.Contains("Back Pain-Child", (string)card["detail"]!, StringComparison.Ordinal);
        Assert.Null(response["systemActions"]);
    }

    [Fact]
    public async Task An_emergency_on_the_problem_list_is_critical_even_with_a_reason_that_is_not_coded_as_back_pain()
    {
        using var client = _app.CreateClient();

        var response = await client.AnswerAsync(OrderSelect("72148", ["http://example.org/local|back"], BornYearsAgo(50), [$"{Snomed}|192970008"]));

        var card = Assert.Single(response.Cards())!;
        Assert.Equal("critical", (string?)card["indicator"]);
        Assert.Contains("Cauda equina syndrome (SNOMED CT 192970008, problem list)", (string)card["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolved_conditions_answer_nothing()
    {
        using var client = _app.CreateClient();
        var request = OrderSelect("72131", [$"{Icd10Cm}|M54.50"], BornYearsAgo(50));
        request["prefetch"]!["conditions"]!["entry"] = new JsonArray(new JsonObject { ["resource"] = Condition("old", $"{Icd10Cm}|Z85.3", clinicalStatus: "resolved") });

        var card = Assert.Single((await client.AnswerAsync(request)).Cards())!;

        Assert.Contains("**ACR variant 1:**", (string)card["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Order_sign_rates_every_draft_imaging_order_and_leaves_the_others()
    {
        using var client = _app.CreateClient();
        var request = Request(
            "order-sign",
            [Order("mri", "72148", [$"{Icd10Cm}|M54.50", $"{Icd10Cm}|M96.1"]), Order("head-ct", "70450", [$"{Icd10Cm}|R51.9"]), Order("xr", "72100", [$"{Icd10Cm}|M54.50"])],
            selections: null,
            BornYearsAgo(55),
            []);

        var response = await client.AnswerAsync(request, CdsHooksClient.OrderSignPath);

        Assert.Equal(2, response.Cards().Count);
        Assert.Equal(["mri", "xr"], response.SystemActions().Select(a => (string?)a!["resource"]!["id"]));
        Assert.Equal(["appropriate", "not-appropriate"], response.SystemActions().Select(a => CdsHooksClient.PamaRating(CdsHooksClient.ServiceRequest(a!["resource"]!))));
    }

    [Fact]
    public async Task Discovery_lists_both_hooks_with_the_patient_and_active_conditions_prefetched()
    {
        using var client = _app.CreateClient();

        var services = JsonNode.Parse(await client.GetStringAsync("/cds-services"))!["services"]!.AsArray();

        Assert.Equal(["order-select", "order-sign"], services.Select(s => (string?)s!["hook"]));
        Assert.All(services, s =>
        {
            Assert.Equal("Patient/{{context.patientId}}", (string?)s!["prefetch"]!["patient"]);
            Assert.Equal("Condition?patient={{context.patientId}}&clinical-status=active", (string?)s["prefetch"]!["conditions"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)s["title"]));
        });
    }
}
