using System.Buffers;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Newtonsoft.Json;

namespace ImagingBot.Adapter;

/// <summary>
/// Writes a turn's <see cref="InvokeResponse"/> as the SDK's <c>HttpHelper.WriteResponseAsync</c> does (same status,
/// same Content-Type, same serializer settings) but without indentation, with a Content-Length, and from pooled
/// buffers: the SDK indents the JSON into a MemoryStream that grows by doubling and then sends it chunked, which
/// under load was one of the largest per-turn costs of a consult turn (a consult turn's expectReplies body is 2 to 12 KB).
/// </summary>
public static class InvokeResponseWriter
{
    public const string JsonContentType = "application/json";

    // Most bodies fit at once (a consult turn's replies are 2 to 12 KB); the pool makes the rare larger one cheap too.
    private const int InitialChars = 16 * 1024;

    // The SDK's own settings (null values left out, ISO dates in UTC, its contract resolver and converters);
    // only the indentation goes, which changes the bytes and not the JSON, and raw card JSON is written without the
    // SDK's detour (RawAttachmentContent), which changes neither.
    private static readonly JsonSerializer Serializer = CreateSerializer();

    private static JsonSerializer CreateSerializer()
    {
        var serializer = JsonSerializer.Create(HttpHelper.BotMessageSerializerSettings);
        serializer.Formatting = Formatting.None;
        serializer.ContractResolver = RawAttachmentContent.Resolver;
        return serializer;
    }

    /// <summary>
    /// No invoke response: 200 and no body. Otherwise its status, and its body (if any) as <c>application/json</c>.
    /// </summary>
    public static async Task WriteAsync(HttpResponse response, InvokeResponse? invokeResponse)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (invokeResponse is null)
        {
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        response.StatusCode = invokeResponse.Status;
        if (invokeResponse.Body is null)
        {
            return;
        }

        response.ContentType = JsonContentType;
        byte[] bytes;
        int length;
        using (var json = new PooledCharWriter(InitialChars))
        {
            using (var writer = new JsonTextWriter(json) { ArrayPool = NewtonsoftCharPool.Instance, CloseOutput = false })
            {
                Serializer.Serialize(writer, invokeResponse.Body);
            }

            // The same UTF-8 as the SDK's writer: no byte order mark, invalid UTF-16 replaced rather than thrown on.
            var chars = json.Written;
            bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetByteCount(chars));
            length = Encoding.UTF8.GetBytes(chars, bytes);
        }

        // The bytes were rented for this request alone, so holding them across the write's await is safe.
        try
        {
            response.ContentLength = length;
            await response.Body.WriteAsync(bytes.AsMemory(0, length)).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>A TextWriter into a char array from the shared pool, grown through the pool.</summary>
    private sealed class PooledCharWriter(int initialChars) : TextWriter
    {
        private char[] _buffer = ArrayPool<char>.Shared.Rent(initialChars);
        private int _length;

        public override Encoding Encoding => Encoding.UTF8;

        public ReadOnlySpan<char> Written => _buffer.AsSpan(0, _length);

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
            }

            base.Dispose(disposing);
        }
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
