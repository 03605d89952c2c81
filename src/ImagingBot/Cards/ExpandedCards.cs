using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using ImagingBot.Templating;
using Microsoft.Bot.Schema;

namespace ImagingBot.Cards;

/// <summary>
/// Cards expanded once and kept. The same data always makes the same card, and the cards of two consults differ
/// only in the consult id their buttons carry: a card is expanded with <see cref="ConsultIdSlot"/> in place of the
/// id, kept under its template and data as the parts between the stand-ins, and each consult's id is joined in
/// between them. Expanding is most of a consult turn's own work (figures in docs/performance.md). A kept
/// card is found by its data's JSON, or by a variant key when the caller has one that determines the data (cheaper
/// than the JSON).
/// </summary>
internal sealed class ExpandedCards(CardTemplateCatalog catalog, int capacity = ExpandedCards.DefaultCapacity)
{
    /// <summary>Far more than the distinct cards the guidance can produce; past it, cards are expanded every time.</summary>
    public const int DefaultCapacity = 4096;

    /// <summary>Stands for the consult id in a kept card. Letters and digits only, so JSON writes it unescaped.</summary>
    public const string ConsultIdSlot = "consultIdSlot7Qx2";

    /// <summary>Stands for the clinician's id (a Universal Actions refresh's <c>userIds</c>) in a kept card.</summary>
    public const string ClinicianIdSlot = "clinicianIdSlot4Kz9";

    private static readonly CardIds StandIns = new(ConsultIdSlot, ClinicianIdSlot);

    // Keys: (template, data JSON) or (template, variant) tuples.
    private readonly ConcurrentDictionary<object, ExpandedCard> _kept = new();
    private int _count;

    /// <summary>A card that names no consult.</summary>
    public IMessageActivity Message(string template, object data) => Get(template, data).ToMessage(ids: null);

    /// <summary>A card whose buttons carry the consult's id (and its refresh the clinician's); <paramref name="data"/> makes the data for given ids.</summary>
    public IMessageActivity Message(string template, Func<CardIds, object> data, CardIds ids)
    {
        ArgumentNullException.ThrowIfNull(data);
        return CanStandIn(ids)
            ? Get(template, data(StandIns)).ToMessage(ids)
            : Expand(template, Json(data(ids))).ToMessage(ids: null);
    }

    /// <summary>
    /// As above, found by <paramref name="variant"/>: a value that, with the template, determines the data apart from
    /// the ids (for example the question, its wording and whether the channel takes Universal Actions), so the data is
    /// made only the first time.
    /// </summary>
    public IMessageActivity Message<TVariant>(string template, TVariant variant, Func<CardIds, object> data, CardIds ids)
        where TVariant : struct, IEquatable<TVariant>
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!CanStandIn(ids))
        {
            return Expand(template, Json(data(ids))).ToMessage(ids: null);
        }

        var key = (template, variant);
        if (!_kept.TryGetValue(key, out var card))
        {
            card = Get(template, data(StandIns));
            Keep(key, card);
        }

        return card.ToMessage(ids);
    }

    private ExpandedCard Get(string template, object data)
    {
        var json = Json(data);
        var key = (template, json);
        if (!_kept.TryGetValue(key, out var card))
        {
            card = Expand(template, json);
            Keep(key, card);
        }

        return card;
    }

    private void Keep(object key, ExpandedCard card)
    {
        if (Interlocked.Increment(ref _count) <= capacity)
        {
            _kept.TryAdd(key, card);
        }
    }

    private ExpandedCard Expand(string template, string dataJson)
    {
        var cardJson = catalog[template].Expand(dataJson);
        var (fallbackText, speak) = AdaptiveCardMessage.ReadFallback(cardJson);
        var (parts, clinicianGaps) = SplitAtSlots(cardJson);
        return new ExpandedCard(parts, clinicianGaps, fallbackText, speak);
    }

    // The card's JSON split at each stand-in, and for each gap between two parts whether the clinician's id goes there.
    private static (string[] Parts, bool[] ClinicianGaps) SplitAtSlots(string cardJson)
    {
        var parts = new List<string>();
        var clinicianGaps = new List<bool>();
        var from = 0;
        while (true)
        {
            var consult = cardJson.IndexOf(ConsultIdSlot, from, StringComparison.Ordinal);
            var clinician = cardJson.IndexOf(ClinicianIdSlot, from, StringComparison.Ordinal);
            var isClinician = clinician >= 0 && (consult < 0 || clinician < consult);
            var at = isClinician ? clinician : consult;
            if (at < 0)
            {
                parts.Add(cardJson[from..]);
                return ([.. parts], [.. clinicianGaps]);
            }

            parts.Add(cardJson[from..at]);
            clinicianGaps.Add(isClinician);
            from = at + (isClinician ? ClinicianIdSlot.Length : ConsultIdSlot.Length);
        }
    }

    // The same JSON the engine would make by reflection (web defaults), from compile-time metadata instead.
    private static string Json(object data) => JsonSerializer.Serialize(data, data.GetType(), CardDataJsonContext.Default);

    // Consult ids are ours (ConsultOptions.NewConsultId) and Teams user ids are "29:" and base64url; anything that JSON
    // would escape is expanded as it is.
    private static bool CanStandIn(CardIds ids) => CanStandIn(ids.ConsultId) && (ids.ClinicianId is null || CanStandIn(ids.ClinicianId));

    private static bool CanStandIn(string id) =>
        !id.Contains(ConsultIdSlot, StringComparison.Ordinal) && !id.Contains(ClinicianIdSlot, StringComparison.Ordinal)
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':');

    /// <param name="Parts">The card's JSON split where the ids go.</param>
    /// <param name="ClinicianGaps">For each gap between two parts: the clinician's id goes there (else the consult's).</param>
    private sealed record ExpandedCard(string[] Parts, bool[] ClinicianGaps, string? FallbackText, string? Speak)
    {
        public IMessageActivity ToMessage(CardIds? ids)
        {
            if (ids is not { } given)
            {
                return AdaptiveCardMessage.Message(string.Concat(Parts), FallbackText, Speak);
            }

            var joined = new StringBuilder(Parts[0]);
            for (var i = 1; i < Parts.Length; i++)
            {
                joined.Append(ClinicianGaps[i - 1] ? given.ClinicianId : given.ConsultId).Append(Parts[i]);
            }

            return AdaptiveCardMessage.Message(joined.ToString(), WithId(FallbackText, given.ConsultId), WithId(Speak, given.ConsultId));
        }

        private static string? WithId(string? text, string consultId) => text?.Replace(ConsultIdSlot, consultId, StringComparison.Ordinal);
    }
}

/// <summary>The ids a card carries: its consult's, and the clinician's it refreshes for (null: the card names no clinician).</summary>
internal readonly record struct CardIds(string ConsultId, string? ClinicianId = null);

/// <summary>
/// A variant key part that is equal only to the very same object: the guidance's questions and options are loaded
/// once, so comparing references is exact, and cheaper than a record's member-by-member hash on every turn.
/// </summary>
internal readonly record struct SameInstance<T>(T Value)
    where T : class
{
    public bool Equals(SameInstance<T> other) => ReferenceEquals(Value, other.Value);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Value);
}
