using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Cards;

/// <summary>
/// A kept card's JSON with one consult's id (and, on a card that names its clinician, their id) put in, as an
/// attachment's content. The card is never joined into a
/// new string on a turn (4 KB for a question card, 22 KB for a recommendation): the response writer copies its
/// UTF-8 parts into the reply (<see cref="IUtf8Json"/>), and a JSON text writer gets its parts one by one. Every
/// other reader of the token (another kind of JsonWriter, its Value, a clone, ToString) gets the whole card JSON.
/// </summary>
internal sealed class KeptCardJson : JRaw, IUtf8Json
{
    private readonly string[] _parts;
    private readonly byte[][] _utf8Parts;
    private readonly string[] _values;

    /// <param name="parts">The card's JSON split where the ids go.</param>
    /// <param name="utf8Parts">The same parts in UTF-8.</param>
    /// <param name="values">
    /// What goes between each part and the next (one fewer than the parts): ASCII letters, digits, '-', '_' or ':'
    /// only, written as they are, inside JSON strings.
    /// </param>
    public KeptCardJson(string[] parts, byte[][] utf8Parts, string[] values)
        : base(new JoinedCard(parts, values))
    {
        _parts = parts;
        _utf8Parts = utf8Parts;
        _values = values;
    }

    public int Utf8Length
    {
        get
        {
            // The values are ASCII: one byte per character.
            var length = 0;
            foreach (var part in _utf8Parts)
            {
                length += part.Length;
            }

            foreach (var value in _values)
            {
                length += value.Length;
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
            written += Encoding.ASCII.GetBytes(_values[i - 1], destination[written..]);
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
            writer.WriteRaw(_values[i - 1]);
            writer.WriteRaw(_parts[i]);
        }
    }

    // The token's Value: JValue writes a raw token as its Value's ToString(), and a clone copies the Value.
    private sealed record JoinedCard(string[] Parts, string[] Values)
    {
        public override string ToString()
        {
            var joined = new StringBuilder(Parts[0]);
            for (var i = 1; i < Parts.Length; i++)
            {
                joined.Append(Values[i - 1]).Append(Parts[i]);
            }

            return joined.ToString();
        }
    }
}
