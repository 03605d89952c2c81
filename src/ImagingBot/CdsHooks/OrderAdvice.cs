using ImagingBot.CdsHooks.Wire;
using ImagingBot.Guidance;

namespace ImagingBot.CdsHooks;

/// <summary>
/// The service's answer for one draft order: its card (null when the advice is that no criteria apply: a patient
/// outside the topic with no emergency sign), the system action that puts the PAMA rating on the order (null when no
/// rating can be given), the ACR variant the card is about (null for a patient outside the topic), and the decision
/// behind it (the advice and the answers it rests on, the codes read and the answers assumed) for the audit.
/// </summary>
public sealed record OrderAdvice(CdsCard? Card, CdsAction? SystemAction, int? Variant, Advice Advice, ClinicalAnswers Answers)
{
    /// <summary>The consult id the order's <c>pama-rating-consult-id</c> carries, and the audit event too.</summary>
    public string? ConsultId => Card is null ? null : ImagingOrderAdvisor.ConsultIdOf(Card.Uuid);
}
