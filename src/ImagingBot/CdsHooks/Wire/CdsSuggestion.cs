namespace ImagingBot.CdsHooks.Wire;

/// <summary>An alternative the clinician can accept with one click; its actions change the draft orders.</summary>
public sealed record CdsSuggestion(string Label, string Uuid, bool IsRecommended, IReadOnlyList<CdsAction> Actions);
