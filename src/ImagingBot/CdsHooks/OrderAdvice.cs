using ImagingBot.CdsHooks.Wire;

namespace ImagingBot.CdsHooks;

/// <summary>
/// The service's answer for one draft order: its card, the system action that puts the PAMA rating on the order
/// (null when no rating can be given), and the ACR variant the card is about (null for a patient outside the topic).
/// </summary>
public sealed record OrderAdvice(CdsCard Card, CdsAction? SystemAction, int? Variant);
