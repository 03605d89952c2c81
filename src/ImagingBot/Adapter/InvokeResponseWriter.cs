using System.Buffers;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Newtonsoft.Json;

namespace ImagingBot.Adapter;

/// <summary>
/// Writes a turn's <see cref="InvokeResponse"/> as the SDK's <c>HttpHelper.WriteResponseAsync</c> does (same status,
/// same Content-Type, same serializer settings) but without indentation, with a Content-Length, and from pooled
/// buffers (<see cref="ReplyJsonBuffer"/>): the SDK indents the JSON into a MemoryStream that grows by doubling and
/// then sends it chunked, which under load was one of the largest per-turn costs of a consult turn (a consult turn's
/// expectReplies body is 2 to 12 KB).
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
        using (var json = new ReplyJsonBuffer(InitialChars))
        {
            using (var writer = json.CreateJsonWriter())
            {
                Serializer.Serialize(writer, invokeResponse.Body);
            }

            bytes = ArrayPool<byte>.Shared.Rent(json.Utf8Length());
            length = json.CopyUtf8To(bytes);
        }

        // The bytes were rented for this request alone, so holding them across the write's await is safe. One write of
        // the whole body: Kestrel copies it into its own pooled blocks.
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
}
