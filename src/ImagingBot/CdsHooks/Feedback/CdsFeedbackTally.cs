using Microsoft.Bot.Builder;

namespace ImagingBot.CdsHooks.Feedback;

/// <summary>The stored counts, keyed "variant|outcome|reason"; an IStoreItem so that concurrent increments never lose one.</summary>
public sealed class CdsFeedbackTally : IStoreItem
{
    public Dictionary<string, long> Counts { get; init; } = [];

    public string? ETag { get; set; }
}
