using System.Globalization;
using ImagingBot.CdsHooks.Wire;
using ImagingBot.State;
using Microsoft.Bot.Builder;

namespace ImagingBot.CdsHooks.Feedback;

/// <summary>
/// Feedback counts in the bot's configured <see cref="IStorage"/> (Memory or Redis). A card's uuid is kept with its
/// variant when it is sent; feedback adds to one tally with an ETag check, retried on a conflict, so instances can
/// count at once. Neither the card's content nor anything of the patient is kept, and a comment is never read.
/// <see cref="Latest"/> is the last tally this instance wrote or read, for the metrics to read without the store.
/// </summary>
public sealed partial class StoredCdsFeedbackCounts(IStorage storage, ILogger<StoredCdsFeedbackCounts> logger) : ICdsFeedbackCounts
{
    public const string Accepted = "accepted";
    public const string Overridden = "overridden";

    private const string TallyKey = "cds-hooks/feedback-counts";
    private const string CardKeyPrefix = "cds-hooks/card/";
    private const string UnknownVariant = "unknown";
    private const int MaxAttempts = 10;

    private CdsFeedbackSnapshot _latest = new([]);

    /// <summary>
    /// The counts as this instance last saw them: after its own feedback, and after each <see cref="SnapshotAsync"/>
    /// (which <see cref="CdsFeedbackRefresh"/> calls now and then, to see other instances' feedback).
    /// </summary>
    public CdsFeedbackSnapshot Latest => Volatile.Read(ref _latest);

    /// <summary>Keeps the variant of each card sent. A store that is down costs the counts by variant, never the cards.</summary>
    public async Task RememberIssuedAsync(IReadOnlyList<OrderAdvice> advice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(advice);
        var cards = advice.Where(a => a.Card is not null).ToDictionary(a => CardKeyPrefix + a.Card!.Uuid, a => (object)new IssuedCard(a.Variant), StringComparer.Ordinal);
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
                Seen(Snapshot(tally.Counts), written: true);
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
        var snapshot = Snapshot((Stored(stored, TallyKey) as CdsFeedbackTally)?.Counts ?? []);
        Seen(snapshot, written: false);
        return snapshot;
    }

    private static CdsFeedbackSnapshot Snapshot(Dictionary<string, long> counts) =>
        new([.. counts.Select(c => Parse(c.Key, c.Value)).OfType<CdsFeedbackCount>().OrderBy(c => c.Variant ?? int.MaxValue).ThenBy(c => c.Outcome, StringComparer.Ordinal).ThenBy(c => c.OverrideReason, StringComparer.Ordinal)]);

    // Two of this instance's writes can finish out of order: a write never replaces a larger tally. A read of the
    // store is the truth (the tally can also have expired), so it always replaces.
    private void Seen(CdsFeedbackSnapshot snapshot, bool written)
    {
        var current = Volatile.Read(ref _latest);
        while (!written || snapshot.Total() >= current.Total())
        {
            var seen = Interlocked.CompareExchange(ref _latest, snapshot, current);
            if (ReferenceEquals(seen, current))
            {
                return;
            }

            current = seen;
        }
    }

    private static object? Stored(IDictionary<string, object> items, string key) => items.TryGetValue(key, out var value) ? value : null;

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "CDS Hooks cards could not be remembered for feedback counts: {ExceptionType}")]
    private static partial void LogNotRemembered(ILogger logger, string exceptionType);

    private static string Key(int? variant, string outcome, string? reason) =>
        $"{(variant is { } v ? v.ToString(CultureInfo.InvariantCulture) : UnknownVariant)}|{outcome}|{reason}";

    /// <summary>A stored count, or null for a key this code did not write (only known outcomes and reasons become tags).</summary>
    private static CdsFeedbackCount? Parse(string key, long count)
    {
        var parts = key.Split('|');
        if (parts.Length != 3 || parts[1] is not (Accepted or Overridden) || (parts[2].Length > 0 && !CdsOverrideReasons.IsCountedReason(parts[2])))
        {
            return null;
        }

        int? variant = int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        return new CdsFeedbackCount(variant, parts[1], parts[2].Length == 0 ? null : parts[2], count);
    }
}
