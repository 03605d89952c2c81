using System.Buffers;
using System.Text.Json;

namespace ImagingBot.LoadTest.Load;

/// <summary>
/// Activities as the Bot Framework Emulator and Teams put them on the wire, written straight to UTF-8 so the
/// load generator spends little of the two shared cores.
/// </summary>
internal static class ActivityPayloads
{
    public const string ServiceUrl = "http://127.0.0.1:9/";

    /// <summary>An Emulator message, replies expected in the HTTP response. A card submit has null text and the button's data as value.</summary>
    public static byte[] Message(string conversationId, string? text, JsonElement? value = null) =>
        Write(writer =>
        {
            Common(writer, "message", "emulator", conversationId);
            writer.WriteString("deliveryMode", "expectReplies");
            if (text is not null)
            {
                writer.WriteString("text", text);
            }

            if (value is { } data)
            {
                writer.WritePropertyName("value");
                data.WriteTo(writer);
            }
        });

    /// <summary>
    /// A search from the Teams compose box. Teams sends invokes with normal delivery: the invoke response is the HTTP body.
    /// </summary>
    public static byte[] ComposeExtensionQuery(string conversationId, string tenantId, string query) =>
        Write(writer =>
        {
            Common(writer, "invoke", "msteams", conversationId, tenantId);
            writer.WriteString("name", "composeExtension/query");
            writer.WriteStartObject("value");
            writer.WriteString("commandId", "searchFaq");
            writer.WriteStartArray("parameters");
            writer.WriteStartObject();
            writer.WriteString("name", "query");
            writer.WriteString("value", query);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteStartObject("queryOptions");
            writer.WriteNumber("skip", 0);
            writer.WriteNumber("count", 25);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartObject("channelData");
            writer.WriteStartObject("tenant");
            writer.WriteString("id", tenantId);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    private static void Common(Utf8JsonWriter writer, string type, string channelId, string conversationId, string? tenantId = null)
    {
        writer.WriteString("type", type);
        writer.WriteString("id", Guid.NewGuid().ToString("N"));
        writer.WriteString("timestamp", DateTimeOffset.UtcNow);
        writer.WriteString("channelId", channelId);
        writer.WriteString("serviceUrl", ServiceUrl);
        writer.WriteStartObject("from");
        writer.WriteString("id", "user-" + conversationId);
        writer.WriteString("name", "Clinician");
        writer.WriteString("role", "user");
        writer.WriteEndObject();
        writer.WriteStartObject("recipient");
        writer.WriteString("id", "bot-1");
        writer.WriteString("name", "ImagingBot");
        writer.WriteString("role", "bot");
        writer.WriteEndObject();
        writer.WriteStartObject("conversation");
        writer.WriteString("id", conversationId);
        if (tenantId is not null)
        {
            writer.WriteString("tenantId", tenantId);
            writer.WriteString("conversationType", "personal");
        }

        writer.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
