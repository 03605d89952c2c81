using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Cards;

/// <summary>
/// A kept card's JSON with one consult's id put in, as an attachment's content. The card is never joined into a
/// new string on a turn (4 KB for a question card, 22 KB for a recommendation): the response writer copies its
/// UTF-8 parts into the reply (<see cref="IUtf8Json"/>), and a JSON text writer gets its parts one by one. Every
/// other reader of the token (another kind of JsonWriter, its Value, a clone, ToString) gets the whole card JSON.
/// </summary>
internal sealed class KeptCardJson : JRaw, IUtf8Json
{
    private readonly string[] _parts;
    private readonly byte[][] _utf8Parts;
    private readonly string _consultId;

    /// <param name="parts">The card's JSON split where the consult id goes.</param>
    /// <param name="utf8Parts">The same parts in UTF-8.</param>
    /// <param name="consultId">Letters, digits, '-' or '_' only: it is written as it is, inside JSON strings.</param>
    public KeptCardJson(string[] parts, byte[][] utf8Parts, string consultId)
        : base(new JoinedCard(parts, consultId))
    {
        _parts = parts;
        _utf8Parts = utf8Parts;
        _consultId = consultId;
    }

    public int Utf8Length
    {
        get
        {
            // The consult id is ASCII: one byte per character.
            var length = (_utf8Parts.Length - 1) * _consultId.Length;
            foreach (var part in _utf8Parts)
            {
                length += part.Length;
            }

            return length;
        }
    }

    public int CopyUtf8To(Span<byte> destination)
    {
        _utf8Parts[0].CopyTo(destination);
        var written = _utf8Parts[0].Length;
        for (var i = 1; i < _utf8Parts.Length; i++)
        {
            written += Encoding.ASCII.GetBytes(_consultId, destination[written..]);
            _utf8Parts[i].CopyTo(destination[written..]);
            written += _utf8Parts[i].Length;
        }

        return written;
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
