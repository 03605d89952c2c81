using System.Globalization;
using System.Text.Json.Nodes;

namespace ImagingBot.Tests.CdsHooks;

/// <summary>
/// CDS Hooks requests shaped like the CDS Hooks sandbox's (cds-hooks/sandbox-cds-services, tests/stubs): an
/// <c>order-select</c> with the draft ServiceRequest in a <c>draftOrders</c> Bundle and its id in
/// <c>selections</c>, plus the prefetched Patient and active Conditions our discovery asks for.
/// </summary>
public static class HookRequests
{
    public const string Cpt = "http://www.ama-assn.org/go/cpt";
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string Snomed = "http://snomed.info/sct";
    public const string PatientId = "MRI-59879846";

    /// <summary>A birth date that makes the patient <paramref name="years"/> old today.</summary>
    public static string BornYearsAgo(int years) =>
        DateTime.UtcNow.AddYears(-years).AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary><c>system|code</c> pairs, as the tables write them.</summary>
    public static JsonObject OrderSelect(string cpt, string[] reasons, string? birthDate, string[]? conditions = null, string hook = "order-select") =>
        Request(hook, [Order("example-" + PatientId, cpt, reasons)], hook == "order-select" ? ["ServiceRequest/example-" + PatientId] : null, birthDate, conditions ?? []);

    public static JsonObject Request(string hook, JsonObject[] orders, string[]? selections, string? birthDate, string[] conditions)
    {
        var context = new JsonObject
        {
            ["userId"] = "Practitioner/123",
            ["patientId"] = PatientId,
            ["encounterId"] = "89284",
            ["draftOrders"] = new JsonObject
            {
                ["resourceType"] = "Bundle",
                ["type"] = "collection",
                ["entry"] = new JsonArray([.. orders.Select(o => (JsonNode)new JsonObject { ["resource"] = o })]),
            },
        };
        if (selections is not null)
        {
            context["selections"] = new JsonArray([.. selections.Select(s => (JsonNode)s)]);
        }

        var patient = new JsonObject { ["resourceType"] = "Patient", ["id"] = PatientId };
        if (birthDate is not null)
        {
            patient["birthDate"] = birthDate;
        }

        return new JsonObject
        {
            ["hook"] = hook,
            ["hookInstance"] = Guid.NewGuid().ToString(),
            ["fhirServer"] = "http://hooks.smarthealthit.org",
            ["context"] = context,
            ["prefetch"] = new JsonObject
            {
                ["patient"] = patient,
                ["conditions"] = new JsonObject
                {
                    ["resourceType"] = "Bundle",
                    ["type"] = "searchset",
                    ["entry"] = new JsonArray([.. conditions.Select((c, i) => (JsonNode)new JsonObject { ["resource"] = Condition($"condition-{i}", c) })]),
                },
            },
        };
    }

    public static JsonObject Order(string id, string cpt, string[] reasons, string codeSystem = Cpt) => new()
    {
        ["resourceType"] = "ServiceRequest",
        ["id"] = id,
        ["status"] = "draft",
        ["intent"] = "plan",
        ["code"] = new JsonObject { ["coding"] = new JsonArray(Coding($"{codeSystem}|{cpt}")), ["text"] = "Imaging order" },
        ["subject"] = new JsonObject { ["reference"] = "Patient/" + PatientId },
        ["reasonCode"] = new JsonArray([.. reasons.Select(r => (JsonNode)new JsonObject { ["coding"] = new JsonArray(Coding(r)) })]),
    };

    public static JsonObject Condition(string id, string code, string clinicalStatus = "active") => new()
    {
        ["resourceType"] = "Condition",
        ["id"] = id,
        ["clinicalStatus"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://terminology.hl7.org/CodeSystem/condition-clinical", ["code"] = clinicalStatus }) },
        ["code"] = new JsonObject { ["coding"] = new JsonArray(Coding(code)) },
        ["subject"] = new JsonObject { ["reference"] = "Patient/" + PatientId },
    };

    private static JsonObject Coding(string systemAndCode)
    {
        var split = systemAndCode.LastIndexOf('|');
        return new JsonObject { ["system"] = systemAndCode[..split], ["code"] = systemAndCode[(split + 1)..] };
    }
}
