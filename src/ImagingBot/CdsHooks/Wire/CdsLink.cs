namespace ImagingBot.CdsHooks.Wire;

/// <summary>A link on a card; <c>absolute</c> links open in a browser.</summary>
public sealed record CdsLink(string Label, string Url, string Type);
