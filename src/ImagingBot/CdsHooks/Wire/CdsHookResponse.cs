namespace ImagingBot.CdsHooks.Wire;

/// <summary>The service's answer: cards for the clinician and actions the EHR applies by itself (CDS Hooks 2.0).</summary>
public sealed record CdsHookResponse(IReadOnlyList<CdsCard> Cards, IReadOnlyList<CdsAction>? SystemActions)
{
    public static CdsHookResponse Empty { get; } = new([], null);
}
