using ImagingBot.CdsHooks.Wire;

namespace ImagingBot.CdsHooks;

/// <summary>
/// The services an EHR can register, one per hook, both prefetching the Patient (for the age) and the active
/// Conditions (the problem list's red flags).
/// </summary>
public static class CdsServiceCatalog
{
    public const string OrderSelect = "order-select";
    public const string OrderSign = "order-sign";
    public const string OrderSelectService = "imagingbot-low-back-pain-order-select";
    public const string OrderSignService = "imagingbot-low-back-pain-order-sign";

    private static readonly Dictionary<string, string> Prefetch = new(StringComparer.Ordinal)
    {
        [FhirOrderReader.PatientPrefetch] = "Patient/{{context.patientId}}",
        [FhirOrderReader.ConditionsPrefetch] = "Condition?patient={{context.patientId}}&clinical-status=active",
    };

    private const string Usage = "Send the draft imaging order as a ServiceRequest with its CPT code and its reasons in ICD-10-CM or SNOMED CT; prefetch the Patient and the active Conditions. Adults with low back pain only.";

    public static CdsDiscoveryResponse Discovery { get; } = new(
    [
        new(OrderSelect, "ImagingBot: first imaging for adult low back pain", "Rates a selected lumbar spine imaging order against the ACR Appropriateness Criteria for low back pain and suggests the first-line study.", OrderSelectService, Prefetch, Usage),
        new(OrderSign, "ImagingBot: low back pain imaging check at signing", "Rates the lumbar spine imaging orders about to be signed against the ACR Appropriateness Criteria for low back pain.", OrderSignService, Prefetch, Usage),
    ]);

    /// <summary>The hook a service answers, or null for an id that is not ours.</summary>
    public static string? HookOf(string serviceId) => Discovery.Services.FirstOrDefault(s => s.Id == serviceId)?.Hook;
}
