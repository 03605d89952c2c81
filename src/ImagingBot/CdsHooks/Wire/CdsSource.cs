namespace ImagingBot.CdsHooks.Wire;

/// <summary>Where a card's advice comes from: shown by the EHR with the card.</summary>
public sealed record CdsSource(string Label, string? Url);
