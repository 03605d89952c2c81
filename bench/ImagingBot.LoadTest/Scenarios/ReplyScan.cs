using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Text;
using System.Text.Json;
using ImagingBot.LoadTest.Load;

namespace ImagingBot.LoadTest.Scenarios;

/// <summary>
/// What the consult checks need from an expectReplies body <c>{"activities":[...]}</c>, found in one forward pass
/// with <see cref="Utf8JsonReader"/>: the number of Adaptive Cards, the data of their buttons (Action.Submit, and
/// Action.Execute with its verb, as Teams gets them) and the texts of their TextBlocks, all kept as byte ranges of the body. The checks run on every turn of the load, on
/// the two cores the bot needs: no JsonDocument, and no string until a check asks for one. One virtual user reuses
/// one scan turn after turn, so a turn allocates nothing here.
/// </summary>
/// <remarks>
/// The whole body is read, so malformed JSON anywhere is an error, as it was with JsonDocument. Where a property
/// is repeated, the last one counts, as with <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>.
/// </remarks>
internal sealed class ReplyScan
{
    public const string NotJson = "response is not JSON";
    public const string NoActivities = "no activities in the response";

    private static readonly uint TypeName = BinaryPrimitives.ReadUInt32LittleEndian("type"u8);
    private static readonly uint DataName = BinaryPrimitives.ReadUInt32LittleEndian("data"u8);
    private static readonly uint TextName = BinaryPrimitives.ReadUInt32LittleEndian("text"u8);
    private static readonly uint VerbName = BinaryPrimitives.ReadUInt32LittleEndian("verb"u8);

    private readonly List<Entry> _submits = [];
    private readonly List<Entry> _texts = [];
    private byte[] _body = [];

    // Numbers the scanned card contents (a text's card) and the objects (the owner of a data entry kept tentatively).
    private int _contents;
    private int _objects;

    private enum Name
    {
        Other,
        Type,
        Data,
        Text,
        Verb,
    }

    private enum ElementType
    {
        Other,
        Submit,
        Execute,
        TextBlock,
    }

    /// <summary>The Adaptive Card attachments of all the replies.</summary>
    public int Cards { get; private set; }

    /// <summary>The buttons (Action.Submit and Action.Execute) of the cards, in document order.</summary>
    public int SubmitCount => _submits.Count;

    /// <summary>The TextBlocks of the cards, in reading order.</summary>
    public int TextCount => _texts.Count;

    public SubmitData Submit(int index)
    {
        var entry = _submits[index];
        return new SubmitData(_body, entry.Start, entry.Length, entry.VerbStart, entry.VerbLength);
    }

    /// <summary>Null when the response is an object with an activities array; else the error, as the checks word it.</summary>
    public string? Read(BotResponse response) =>
        response.Status == HttpStatusCode.OK ? Read(response.Body) : $"HTTP {(int)response.Status}";

    /// <inheritdoc cref="Read(BotResponse)"/>
    public string? Read(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        Clear();
        _body = body;
        try
        {
            var reader = new Utf8JsonReader(body);
            var found = false;
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isActivities = reader.ValueTextEquals("activities"u8);
                    reader.Read();
                    if (isActivities)
                    {
                        Clear();
                        found = reader.TokenType == JsonTokenType.StartArray;
                        if (found)
                        {
                            ReadActivities(ref reader);
                        }
                    }

                    reader.Skip();
                }
            }

            // Whatever follows must be JSON too.
            while (reader.Read())
            {
            }

            if (!found)
            {
                Clear();
                return NoActivities;
            }

            return null;
        }
        catch (JsonException)
        {
            Clear();
            return NotJson;
        }
    }

    /// <summary>Whether two TextBlocks are on the same card.</summary>
    public bool SameCard(int first, int second) => _texts[first].Owner == _texts[second].Owner;

    public bool TextStartsWith(int index, ReadOnlySpan<byte> utf8Prefix) => Matches(index, utf8Prefix, prefix: true);

    public bool TextEquals(int index, ReadOnlySpan<byte> utf8Text) => Matches(index, utf8Text, prefix: false);

    /// <summary>A TextBlock's text as a string: allocates, for tests and diagnostics.</summary>
    public string Text(int index)
    {
        var reader = QuotedText(_texts[index]);
        return reader.GetString()!;
    }

    private void Clear()
    {
        _submits.Clear();
        _texts.Clear();
        Cards = 0;
    }

    private void ReadActivities(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                ReadActivity(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private void ReadActivity(ref Utf8JsonReader reader)
    {
        var mark = Mark();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isAttachments = reader.ValueTextEquals("attachments"u8);
            reader.Read();
            if (isAttachments)
            {
                Rollback(mark);
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    ReadAttachments(ref reader);
                }
            }

            reader.Skip();
        }
    }

    private void ReadAttachments(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                ReadAttachment(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    /// <summary>
    /// The content is scanned when it comes, before the contentType may have been seen, and dropped at the end of
    /// the attachment if it is not an Adaptive Card.
    /// </summary>
    private void ReadAttachment(ref Utf8JsonReader reader)
    {
        var mark = Mark();
        var adaptive = false;
        var hasContent = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("contentType"u8))
            {
                reader.Read();
                adaptive = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(Replies.AdaptiveCard);
                reader.Skip();
            }
            else if (reader.ValueTextEquals("content"u8))
            {
                reader.Read();
                Rollback(mark);
                hasContent = true;
                ReadElement(ref reader, ++_contents);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (adaptive && hasContent)
        {
            Cards++;
        }
        else
        {
            Rollback(mark);
        }
    }

    /// <summary>Any card node: objects and arrays are walked, other values have nothing to find.</summary>
    private void ReadElement(ref Utf8JsonReader reader, int card)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            ReadObject(ref reader, card);
        }
        else if (reader.TokenType == JsonTokenType.StartArray)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    ReadElement(ref reader, card);
                }
            }
        }
    }

    /// <summary>
    /// One card element. Its type may come after its data or text, so both are kept where they belong in document
    /// order and dropped at the end of the object if the type turns out otherwise. A data object is what a button
    /// sends back, not card content: nothing inside it is walked.
    /// </summary>
    private void ReadObject(ref Utf8JsonReader reader, int card)
    {
        var id = ++_objects;
        var textStart = _texts.Count;
        var textAt = -1;
        var firstData = -1;
        var verbStart = -1;
        var verbLength = 0;
        var type = ElementType.Other;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = NameOf(ref reader);
            reader.Read();
            switch (name)
            {
                case Name.Type when reader.TokenType == JsonTokenType.String:
                    type = TypeOf(ref reader);
                    break;
                case Name.Verb when reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped:
                    verbStart = (int)reader.TokenStartIndex + 1;
                    verbLength = reader.ValueSpan.Length;
                    break;
                case Name.Data:
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        _submits.Add(new Entry(start, (int)reader.BytesConsumed - start, id));
                        if (firstData < 0)
                        {
                            firstData = _submits.Count - 1;
                        }
                    }
                    else
                    {
                        reader.Skip();
                    }

                    break;
                case Name.Text when reader.TokenType == JsonTokenType.String:
                    // A TextBlock's text reads before anything nested in it: it goes where the object began.
                    var text = new Entry((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, card, reader.ValueIsEscaped);
                    if (textAt >= 0)
                    {
                        _texts[textAt] = text;
                    }
                    else if (textStart == _texts.Count)
                    {
                        _texts.Add(text);
                        textAt = textStart;
                    }
                    else
                    {
                        _texts.Insert(textStart, text);
                        textAt = textStart;
                    }

                    break;
                default:
                    if (name == Name.Text && textAt >= 0)
                    {
                        _texts.RemoveAt(textAt);
                        textAt = -1;
                    }

                    if (name == Name.Type)
                    {
                        type = ElementType.Other;
                    }

                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        ReadElement(ref reader, card);
                    }

                    break;
            }
        }

        if (type != ElementType.TextBlock && textAt >= 0)
        {
            _texts.RemoveAt(textAt);
        }

        if (type == ElementType.Execute && firstData >= 0)
        {
            for (var i = firstData; i < _submits.Count; i++)
            {
                if (_submits[i].Owner == id)
                {
                    _submits[i] = _submits[i] with { VerbStart = verbStart, VerbLength = verbLength };
                }
            }
        }
        else if (type != ElementType.Submit && firstData >= 0)
        {
            for (var i = _submits.Count - 1; i >= firstData; i--)
            {
                if (_submits[i].Owner == id)
                {
                    _submits.RemoveAt(i);
                }
            }
        }
    }

    private static Name NameOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return reader.ValueTextEquals("type"u8) ? Name.Type
                : reader.ValueTextEquals("data"u8) ? Name.Data
                : reader.ValueTextEquals("text"u8) ? Name.Text
                : reader.ValueTextEquals("verb"u8) ? Name.Verb
                : Name.Other;
        }

        // The four names are four bytes long: one length test settles most names, one integer compare the rest.
        var name = reader.ValueSpan;
        if (name.Length != 4)
        {
            return Name.Other;
        }

        var value = BinaryPrimitives.ReadUInt32LittleEndian(name);
        return value == TypeName ? Name.Type
            : value == DataName ? Name.Data
            : value == TextName ? Name.Text
            : value == VerbName ? Name.Verb
            : Name.Other;
    }

    private static ElementType TypeOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return reader.ValueTextEquals("Action.Submit"u8) ? ElementType.Submit
                : reader.ValueTextEquals("Action.Execute"u8) ? ElementType.Execute
                : reader.ValueTextEquals("TextBlock"u8) ? ElementType.TextBlock
                : ElementType.Other;
        }

        var type = reader.ValueSpan;
        return type.SequenceEqual("Action.Submit"u8) ? ElementType.Submit
            : type.SequenceEqual("Action.Execute"u8) ? ElementType.Execute
            : type.SequenceEqual("TextBlock"u8) ? ElementType.TextBlock
            : ElementType.Other;
    }

    private (int Submits, int Texts, int Cards) Mark() => (_submits.Count, _texts.Count, Cards);

    private void Rollback((int Submits, int Texts, int Cards) mark)
    {
        _submits.RemoveRange(mark.Submits, _submits.Count - mark.Submits);
        _texts.RemoveRange(mark.Texts, _texts.Count - mark.Texts);
        Cards = mark.Cards;
    }

    private bool Matches(int index, ReadOnlySpan<byte> expected, bool prefix)
    {
        var text = _texts[index];
        var raw = _body.AsSpan(text.Start, text.Length);
        if (!text.Escaped)
        {
            return prefix ? raw.StartsWith(expected) : raw.SequenceEqual(expected);
        }

        // The bytes before the first escape settle most mismatches without unescaping.
        var plain = Math.Min(raw.IndexOf((byte)'\\'), expected.Length);
        if (!raw[..plain].SequenceEqual(expected[..plain]))
        {
            return false;
        }

        byte[]? rented = null;
        Span<byte> buffer = raw.Length <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
        try
        {
            var reader = QuotedText(text);
            var value = buffer[..reader.CopyString(buffer)];
            return prefix ? value.StartsWith(expected) : value.SequenceEqual(expected);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>A reader on a kept text with its quotes: a JSON string on its own, unescaped by the reader.</summary>
    private Utf8JsonReader QuotedText(Entry text)
    {
        var reader = new Utf8JsonReader(_body.AsSpan(text.Start - 1, text.Length + 2));
        reader.Read();
        return reader;
    }

    /// <param name="Owner">For a text, its card; for a data object, the object holding it.</param>
    /// <param name="Escaped">For a text, whether the raw bytes hold escapes.</param>
    /// <param name="VerbStart">For an Action.Execute's data, where its verb is in the body; -1 for an Action.Submit.</param>
    private readonly record struct Entry(int Start, int Length, int Owner, bool Escaped = false, int VerbStart = -1, int VerbLength = 0);
}

/// <summary>
/// The data object of one button (an Action.Submit, or an Action.Execute with its verb): its raw UTF-8 JSON in the
/// reply body, read when asked.
/// </summary>
internal readonly struct SubmitData
{
    private readonly byte[] _body;
    private readonly int _start;
    private readonly int _length;
    private readonly int _verbStart;
    private readonly int _verbLength;

    public SubmitData(byte[] body, int start, int length, int verbStart = -1, int verbLength = 0)
    {
        _body = body;
        _start = start;
        _length = length;
        _verbStart = verbStart;
        _verbLength = verbLength;
    }

    /// <summary>The object exactly as the bot wrote it, to send back unchanged.</summary>
    public ReadOnlySpan<byte> Utf8Json => _body.AsSpan(_start, _length);

    /// <summary>An Action.Execute (a Universal Action, sent back as an invoke) rather than an Action.Submit.</summary>
    public bool IsExecute => _verbStart >= 0;

    /// <summary>The Action.Execute's verb as the bot wrote it (empty for an Action.Submit).</summary>
    public ReadOnlySpan<byte> Utf8Verb => _verbStart >= 0 ? _body.AsSpan(_verbStart, _verbLength) : default;

    public bool Has(ReadOnlySpan<byte> name) => TryFind(name, out _);

    /// <summary>Whether a property is the given string.</summary>
    public bool StringEquals(ReadOnlySpan<byte> name, ReadOnlySpan<byte> utf8Value) =>
        TryFind(name, out var value) && value.TokenType == JsonTokenType.String && value.ValueTextEquals(utf8Value);

    public override string ToString() => Encoding.UTF8.GetString(Utf8Json);

    /// <summary>
    /// The value a reader on <paramref name="json"/> is at, as <see cref="JsonElement.ToString"/> gives it: a string
    /// unescaped, true and false as "True" and "False", null as empty, anything else as its JSON text.
    /// </summary>
    public static string ValueText(ref Utf8JsonReader value, ReadOnlySpan<byte> json)
    {
        switch (value.TokenType)
        {
            case JsonTokenType.String:
                return value.GetString()!;
            case JsonTokenType.True:
                return bool.TrueString;
            case JsonTokenType.False:
                return bool.FalseString;
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(value.ValueSpan);
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                var start = (int)value.TokenStartIndex;
                value.Skip();
                return Encoding.UTF8.GetString(json[start..(int)value.BytesConsumed]);
            default:
                return string.Empty;
        }
    }

    /// <summary>The reader on the value of the last property of that name.</summary>
    public bool TryFind(ReadOnlySpan<byte> name, out Utf8JsonReader value)
    {
        var reader = new Utf8JsonReader(Utf8Json);
        reader.Read();
        value = default;
        var found = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match)
            {
                value = reader;
                found = true;
            }

            reader.Skip();
        }

        return found;
    }
}
