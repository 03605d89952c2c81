using System.Globalization;
using ImagingBot.CdsHooks.Wire;
using ImagingBot.State;
using Microsoft.Bot.Builder;

namespace ImagingBot.CdsHooks.Feedback;

/// <summary>
/// Feedback counts in the bot's configured <see cref="IStorage"/> (Memory or Redis). A card's uuid is kept with its
/// variant when it is sent; feedback adds to one tally with an ETag check, retried on a conflict, so instances can
/// count at once. Neither the card's content nor anything of the patient is kept, and a comment is never read.
/// </summary>
public sealed partial class StoredCdsFeedbackCounts(IStorage storage, ILogger<StoredCdsFeedbackCounts> logger) : ICdsFeedbackCounts
{
    public const string Accepted = "accepted";
    public const string Overridden = "overridden";

    private const string TallyKey = "cds-hooks/feedback-counts";
    private const string CardKeyPrefix = "cds-hooks/card/";
    private const string UnknownVariant = "unknown";
    private const int MaxAttempts = 10;

    /// <summary>Keeps the variant of each card sent. A store that is down costs the counts by variant, never the cards.</summary>
    public async Task RememberIssuedAsync(IReadOnlyList<OrderAdvice> advice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(advice);
        var cards = advice.ToDictionary(a => CardKeyPrefix + a.Card.Uuid, a => (object)new IssuedCard(a.Variant), StringComparer.Ordinal);
        try
        {
            await storage.WriteAsync(cards, cancellationToken).ConfigureAwait(false);
        }
        catch (StateStoreUnavailableException exception)
        {
            LogNotRemembered(logger, exception.GetType().Name);
        }
    }

    /// <summary>Counts each feedback item; the caller has checked their outcomes.</summary>
    public async Task CountAsync(IReadOnlyList<CdsFeedback> feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var cardKeys = feedback.Select(f => CardKeyPrefix + f.Card).Distinct(StringComparer.Ordinal).ToArray();
        var cards = await storage.ReadAsync(cardKeys, cancellationToken).ConfigureAwait(false);
        var increments = feedback
            .Select(f => Key((Stored(cards, CardKeyPrefix + f.Card) as IssuedCard)?.Variant, f.Outcome!, f.Outcome == Overridden ? CdsOverrideReasons.CountedAs(f.OverrideReason?.Reason) : null))
            .GroupBy(k => k, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);

        for (var attempt = 1; ; attempt++)
        {
            var stored = await storage.ReadAsync([TallyKey], cancellationToken).ConfigureAwait(false);
            var current = Stored(stored, TallyKey) as CdsFeedbackTally;
            var tally = new CdsFeedbackTally { Counts = new Dictionary<string, long>(current?.Counts ?? [], StringComparer.Ordinal), ETag = current?.ETag };
            foreach (var (key, count) in increments)
            {
                tally.Counts[key] = tally.Counts.GetValueOrDefault(key) + count;
            }

            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { [TallyKey] = tally }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ETagConflictException) when (attempt < MaxAttempts)
            {
                // Another instance counted at the same moment: read its count and add ours to it.
            }
        }
    }

    public async Task<CdsFeedbackSnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        var stored = await storage.ReadAsync([TallyKey], cancellationToken).ConfigureAwait(false);
        var counts = (Stored(stored, TallyKey) as CdsFeedbackTally)?.Counts ?? [];
        return new CdsFeedbackSnapshot([.. counts.Select(c => Parse(c.Key, c.Value)).OrderBy(c => c.Variant ?? int.MaxValue).ThenBy(c => c.Outcome, StringComparer.Ordinal).ThenBy(c => c.OverrideReason, StringComparer.Ordinal)]);
    }

    private static object? Stored(IDictionary<string, object> items, string key) => items.TryGetValue(key, out var value) ? value : null;

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "CDS Hooks cards could not be remembered for feedback counts: {ExceptionType}")]
    private static partial void LogNotRemembered(ILogger logger, string exceptionType);

    private static string Key(int? variant, string outcome, string? reason) =>
        $"{(variant is { } v ? v.ToString(CultureInfo.InvariantCulture) : UnknownVariant)}|{outcome}|{reason}";

    private static CdsFeedbackCount Parse(string key, long count)
    {
        var parts = key.Split('|');
        int? variant = int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        return new CdsFeedbackCount(variant, parts[1], parts[2].Length == 0 ? null : parts[2], count);
    }
}
