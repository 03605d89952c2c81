namespace ImagingBot.Guidance;

/// <summary>
/// Matching entries, best first (scores 0..1). When nothing matches, <see cref="Suggestions"/> offers a few
/// questions the clinician may have meant, so the bot can answer honestly instead of guessing.
/// </summary>
public sealed record FaqSearchResult(string Query, IReadOnlyList<FaqHit> Hits, IReadOnlyList<FaqEntry> Suggestions)
{
    public bool IsMatch => Hits.Count > 0;

    public FaqHit? Best => IsMatch ? Hits[0] : null;
}
