using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Cards;

/// <summary>
/// A kept card's JSON with one consult's id put in, as an attachment's content. Written to JSON text, it goes out
/// part by part, so the card is not joined into a new string on every turn (4 KB for a question card, 22 KB for
/// a recommendation). Every other reader of the token (another kind of JsonWriter, its Value, a clone,
/// ToString) gets the whole card JSON.
/// </summary>
internal sealed class KeptCardJson : JRaw
{
    private readonly string[] _parts;
    private readonly string _consultId;

    /// <param name="parts">The card's JSON split where the consult id goes.</param>
    /// <param name="consultId">Letters, digits, '-' or '_' only: it is written as it is, inside JSON strings.</param>
    public KeptCardJson(string[] parts, string consultId)
        : base(new JoinedCard(parts, consultId))
    {
        _parts = parts;
        _consultId = consultId;
    }

    public override void WriteTo(JsonWriter writer, params JsonConverter[] converters)
    {
        // A JTokenWriter (Bot Framework's attachment converter copies content through one) turns each raw write
        // into a token of its own, so only a text writer gets the parts.
        if (writer is not JsonTextWriter)
        {
            base.WriteTo(writer, converters);
            return;
        }

        writer.WriteRawValue(_parts[0]);
        for (var i = 1; i < _parts.Length; i++)
        {
            writer.WriteRaw(_consultId);
            writer.WriteRaw(_parts[i]);
        }
    }

    // The token's Value: JValue writes a raw token as its Value's ToString(), and a clone copies the Value.
    private sealed record JoinedCard(string[] Parts, string ConsultId)
    {
        public override string ToString() => string.Join(ConsultId, Parts);
    }
}
