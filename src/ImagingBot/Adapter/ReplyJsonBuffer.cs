using System.Buffers;
using System.Text;
using ImagingBot.Cards;
using Newtonsoft.Json;

namespace ImagingBot.Adapter;

/// <summary>
/// A response's JSON while Newtonsoft writes it: characters in a buffer from the shared pool, except raw values whose
/// UTF-8 is already at hand (kept cards, <see cref="IUtf8Json"/>), which are only marked where they go. The whole is
/// then encoded in one buffer, the marked values' bytes copied in at their places: a card is neither copied into the
/// characters nor encoded again on every turn.
/// </summary>
internal sealed class ReplyJsonBuffer : TextWriter
{
    private readonly List<(int At, IUtf8Json Value)> _marked = [];
    private char[] _buffer;
    private int _length;

    public ReplyJsonBuffer(int initialChars)
    {
        _buffer = ArrayPool<char>.Shared.Rent(initialChars);
    }

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>A JSON writer into this buffer; see <see cref="WriteUtf8Value"/>.</summary>
    public JsonTextWriter CreateJsonWriter() => new MarkingJsonWriter(this) { ArrayPool = NewtonsoftCharPool.Instance, CloseOutput = false };

    /// <summary>
    /// Writes <paramref name="value"/> as a JSON value when <paramref name="writer"/> is one of this buffer's; false for
    /// any other writer, which must then be given the value's JSON text.
    /// </summary>
    public static bool WriteUtf8Value(JsonWriter writer, IUtf8Json value)
    {
        if (writer is not MarkingJsonWriter marking)
        {
            return false;
        }

        // Newtonsoft writes what goes before a value (a comma, after a property name nothing) and takes it as written;
        // its text writer writes straight through, so the buffer's length is then where the value goes.
        marking.WriteRawValue(string.Empty);
        marking.Buffer._marked.Add((marking.Buffer._length, value));
        return true;
    }

    /// <summary>The number of bytes <see cref="CopyUtf8To"/> writes.</summary>
    public int Utf8Length()
    {
        var length = 0;
        var from = 0;
        foreach (var (at, value) in _marked)
        {
            length += Encoding.UTF8.GetByteCount(_buffer.AsSpan(from, at - from)) + value.Utf8Length;
            from = at;
        }

        return length + Encoding.UTF8.GetByteCount(_buffer.AsSpan(from, _length - from));
    }

    /// <summary>
    /// The JSON in UTF-8, as the SDK's writer encodes it: no byte order mark, invalid UTF-16 replaced rather than
    /// thrown on. The marks fall between JSON tokens, never inside a surrogate pair. Returns the length written.
    /// </summary>
    public int CopyUtf8To(Span<byte> destination)
    {
        var written = 0;
        var from = 0;
        foreach (var (at, value) in _marked)
        {
            written += Encoding.UTF8.GetBytes(_buffer.AsSpan(from, at - from), destination[written..]);
            written += value.CopyUtf8To(destination[written..]);
            from = at;
        }

        return written + Encoding.UTF8.GetBytes(_buffer.AsSpan(from, _length - from), destination[written..]);
    }

    public override void Write(char value)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = value;
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (_buffer.Length - _length < buffer.Length)
        {
            Grow(buffer.Length);
        }

        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + needed));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = larger;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = [];
            _length = 0;
            _marked.Clear();
        }

        base.Dispose(disposing);
    }

    private sealed class MarkingJsonWriter(ReplyJsonBuffer buffer) : JsonTextWriter(buffer)
    {
        public ReplyJsonBuffer Buffer { get; } = buffer;
    }

    /// <summary>Lets the JsonTextWriter take its escaping buffer from the shared pool instead of allocating one per response.</summary>
    private sealed class NewtonsoftCharPool : IArrayPool<char>
    {
        public static readonly NewtonsoftCharPool Instance = new();

        public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

        public void Return(char[]? array)
        {
            if (array is not null)
            {
                ArrayPool<char>.Shared.Return(array);
            }
        }
    }
}
