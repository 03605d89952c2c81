namespace ImagingBot.CdsHooks.Feedback;

/// <summary>What is kept of a card the service sent: only its ACR variant, to count feedback on it by variant.</summary>
public sealed record IssuedCard(int? Variant);
