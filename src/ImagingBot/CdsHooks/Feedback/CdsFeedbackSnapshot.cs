namespace ImagingBot.CdsHooks.Feedback;

/// <summary>All feedback counts at one moment.</summary>
public sealed record CdsFeedbackSnapshot(IReadOnlyList<CdsFeedbackCount> Counts)
{
    public long Total(string outcome) => Counts.Where(c => c.Outcome == outcome).Sum(c => c.Count);

    public long Total() => Counts.Sum(c => c.Count);
}

/// <summary>
/// How many cards of one ACR variant (null: a card the store no longer knows, or a patient outside the topic) got one
/// outcome (<c>accepted</c> or <c>overridden</c>), by override reason (one of <see cref="CdsOverrideReasons"/>, or
/// <c>other</c>; null for accepted cards).
/// </summary>
public sealed record CdsFeedbackCount(int? Variant, string Outcome, string? OverrideReason, long Count);
