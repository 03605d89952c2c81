using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using ImagingBot.Templating;
using Microsoft.Bot.Schema;

namespace ImagingBot.Cards;

/// <summary>
/// Cards expanded once and kept. The same data always makes the same card, and the cards of two consults differ
/// only in the consult id their buttons carry: a card is expanded with <see cref="ConsultIdSlot"/> in place of the
/// id, kept under its template and data, and each consult's id is put in as the reply is written
/// (<see cref="KeptCardJson"/>: no copy of the card per turn, and its UTF-8 kept too). Expanding was most of a consult turn's own work (a
/// question card about 10 µs, the recommendation 40 µs). A kept card is found by its data's JSON, or by a variant
/// key when the caller has one that determines the data (cheaper than the JSON).
/// </summary>
internal sealed class ExpandedCards(CardTemplateCatalog catalog, int capacity = ExpandedCards.DefaultCapacity)
{
    /// <summary>Far more than the distinct cards the guidance can produce; past it, cards are expanded every time.</summary>
    public const int DefaultCapacity = 4096;

    /// <summary>Stands for the consult id in a kept card. Letters and digits only, so JSON writes it unescaped.</summary>
    public const string ConsultIdSlot = "consultIdSlot7Qx2";

    // Keys: (template, data JSON) or (template, variant) tuples.
    private readonly ConcurrentDictionary<object, ExpandedCard> _kept = new();
    private int _count;

    /// <summary>A card that names no consult.</summary>
    public IMessageActivity Message(string template, object data) => Get(template, data).ToMessage(consultId: null);

    /// <summary>A card whose buttons carry <paramref name="consultId"/>; <paramref name="data"/> makes the data for a given id.</summary>
    public IMessageActivity Message(string template, Func<string, object> data, string consultId)
    {
        ArgumentNullException.ThrowIfNull(data);
        return CanStandIn(consultId)
            ? Get(template, data(ConsultIdSlot)).ToMessage(consultId)
            : Expand(template, Json(data(consultId))).ToMessage(consultId: null);
    }

    /// <summary>
    /// As above, found by <paramref name="variant"/>: a value that, with the template, determines the data apart from
    /// the consult id (for example the question and its wording), so the data is made only the first time.
    /// </summary>
    public IMessageActivity Message<TVariant>(string template, TVariant variant, Func<string, object> data, string consultId)
        where TVariant : struct, IEquatable<TVariant>
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!CanStandIn(consultId))
        {
            return Expand(template, Json(data(consultId))).ToMessage(consultId: null);
        }

        var key = (template, variant);
        if (!_kept.TryGetValue(key, out var card))
        {
            card = Get(template, data(ConsultIdSlot));
            Keep(key, card);
        }

        return card.ToMessage(consultId);
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
        var parts = cardJson.Split(ConsultIdSlot);
        return new ExpandedCard(parts, Array.ConvertAll(parts, Encoding.UTF8.GetBytes), fallbackText, speak);
    }

    // The same JSON the engine would make by reflection (web defaults), from compile-time metadata instead.
    private static string Json(object data) => JsonSerializer.Serialize(data, data.GetType(), CardDataJsonContext.Default);

    // Consult ids are ours (ConsultOptions.NewConsultId); anything that JSON would escape is expanded as it is.
    private static bool CanStandIn(string consultId) =>
        !consultId.Contains(ConsultIdSlot, StringComparison.Ordinal) && consultId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <param name="Parts">The card's JSON split where the consult id goes.</param>
    /// <param name="Utf8Parts">The same parts in UTF-8, encoded once for all the replies that carry the card.</param>
    private sealed record ExpandedCard(string[] Parts, byte[][] Utf8Parts, string? FallbackText, string? Speak)
    {
        public IMessageActivity ToMessage(string? consultId) => consultId is null
            ? AdaptiveCardMessage.Message(string.Concat(Parts), FallbackText, Speak)
            : AdaptiveCardMessage.Message(new KeptCardJson(Parts, Utf8Parts, consultId), WithId(FallbackText, consultId), WithId(Speak, consultId));

        private static string? WithId(string? text, string consultId) => text?.Replace(ConsultIdSlot, consultId, StringComparison.Ordinal);
    }
}

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
