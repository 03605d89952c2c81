using Hl7.Fhir.Model;

namespace ImagingBot.CdsHooks;

/// <summary>
/// The reasons a clinician can give for not following a card, offered on every card that is not plain agreement,
/// and the only values feedback is counted by (anything else counts as <see cref="Other"/>). The first ones name
/// what the codes cannot tell and the Teams consult would have asked.
/// </summary>
public static class CdsOverrideReasons
{
    public const string System = "urn:imagingbot:cds-override-reason";
    public const string Other = "other";

    public static IReadOnlyList<Coding> All { get; } =
    [
        new(System, "finding-not-coded", "A red flag, an emergency sign, prior lumbar surgery or a fracture risk is present but not coded"),
        new(System, "after-optimal-management", "Symptoms persist after 6 weeks of optimal medical management; candidate for surgery or intervention"),
        new(System, "mri-not-possible", "MRI or gadolinium contrast is not possible for this patient"),
        new(System, "radiologist-advised", "Agreed with the radiologist"),
        new(System, "other-documented", "Another clinical reason, documented in the chart"),
    ];

    /// <summary>The code feedback is counted under: a known reason's code, else <see cref="Other"/>.</summary>
    public static string CountedAs(Coding? reason) =>
        reason is { System: System, Code: { } code } && All.Any(r => r.Code == code) ? code : Other;

    /// <summary>True for a code feedback can be counted under: one of <see cref="All"/>, or <see cref="Other"/>.</summary>
    public static bool IsCountedReason(string code) => code == Other || All.Any(r => r.Code == code);
}
