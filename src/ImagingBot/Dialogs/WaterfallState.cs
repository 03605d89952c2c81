using Newtonsoft.Json;

namespace ImagingBot.Dialogs;

/// <summary>
/// Everything a waterfall remembers between turns, stored in the conversation state. Nothing else is
/// kept in process memory, so another instance sharing the store continues the consult. Immutable (init-only
/// properties): the state saves only what an accessor's SetAsync changed (ChangeTrackedConversationState).
/// The JSON names are one or two letters because every turn reads and writes this record.
/// </summary>
/// <typeparam name="TAnswers">The caller's typed answers record.</typeparam>
public sealed record WaterfallState<TAnswers>
    where TAnswers : class
{
    /// <summary>Short random id of this consult; question cards carry it so old cards can be told apart.</summary>
    [JsonProperty("id")]
    public string ConsultId { get; init; } = string.Empty;

    /// <summary>Counts the changes recorded in this consult (answers, going back).</summary>
    [JsonProperty("v")]
    public int Version { get; init; }

    /// <summary>The step whose answer is awaited; null once the consult is finished.</summary>
    [JsonProperty("q", NullValueHandling = NullValueHandling.Ignore)]
    public string? Pending { get; init; }

    /// <summary>Consecutive answers to the pending step that could not be recognised.</summary>
    [JsonProperty("m", DefaultValueHandling = DefaultValueHandling.Ignore)]
    public int Misses { get; init; }

    [JsonProperty("a")]
    public TAnswers Answers { get; init; } = default!;

    [JsonIgnore]
    public bool IsActive => Pending is not null;
}
