using Hl7.Fhir.Model;
using ImagingBot.Guidance;

namespace ImagingBot.CdsHooks;

/// <summary>
/// One draft imaging order read out of FHIR into plain codes: the order's own codes (CPT), its reason codes, the
/// active problem list's codes and the patient's age group (null when the birth date is missing or too coarse to
/// tell the group).
/// </summary>
public sealed record OrderUnderReview(
    ServiceRequest Order,
    IReadOnlyList<CodeReference> OrderCodes,
    IReadOnlyList<CodeReference> Reasons,
    IReadOnlyList<CodeReference> Conditions,
    AgeGroup? Age);
