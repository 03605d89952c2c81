using Hl7.Fhir.Model;

namespace ImagingBot.CdsHooks.Wire;

/// <summary>One CDS Hooks card: a summary under 140 characters, an indicator, Markdown detail and its source.</summary>
public sealed record CdsCard(string Uuid, string Summary, string Indicator, CdsSource Source)
{
    public string? Detail { get; init; }

    public IReadOnlyList<CdsSuggestion>? Suggestions { get; init; }

    public string? SelectionBehavior { get; init; }

    public IReadOnlyList<Coding>? OverrideReasons { get; init; }

    public IReadOnlyList<CdsLink>? Links { get; init; }
}
