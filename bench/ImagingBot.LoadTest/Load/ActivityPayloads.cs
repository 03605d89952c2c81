using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ImagingBot.LoadTest.Load;

/// <summary>
/// Activities as the Bot Framework Emulator and Teams put them on the wire, written straight to UTF-8 so the
/// load generator spends little of the two shared cores. Emulator messages ask for expectReplies; Teams activities
/// use Teams' normal delivery (no deliveryMode: the replies go to the connector at their serviceUrl).
/// </summary>
internal static class ActivityPayloads
{
    public const string ServiceUrl = "http://127.0.0.1:9/";

    // One writer and buffer per thread, reused: writing a request allocates only the request's bytes.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    // Activity ids need to be unique, not random, and Guid.NewGuid costs half a microsecond of the bot's cores:
    // one random half per run and a counter, as the 32 hex digits of a Guid in "N" format.
    private static readonly byte[] IdPrefix = Encoding.ASCII.GetBytes(Guid.NewGuid().ToString("N")[..16]);
    private static long s_ids;

    // Names and fixed values encoded once: the writer copies them without checking them for escapes every time.
    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type"u8);
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id"u8);
    private static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("timestamp"u8);
    private static readonly JsonEncodedText ChannelId = JsonEncodedText.Encode("channelId"u8);
    private static readonly JsonEncodedText ServiceUrlName = JsonEncodedText.Encode("serviceUrl"u8);
    private static readonly JsonEncodedText ServiceUrlValue = JsonEncodedText.Encode(ServiceUrl);
    private static readonly JsonEncodedText From = JsonEncodedText.Encode("from"u8);
    private static readonly JsonEncodedText Recipient = JsonEncodedText.Encode("recipient"u8);
    private static readonly JsonEncodedText Conversation = JsonEncodedText.Encode("conversation"u8);
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name"u8);
    private static readonly JsonEncodedText Role = JsonEncodedText.Encode("role"u8);
    private static readonly JsonEncodedText Clinician = JsonEncodedText.Encode("Clinician"u8);
    private static readonly JsonEncodedText UserRole = JsonEncodedText.Encode("user"u8);
    private static readonly JsonEncodedText BotId = JsonEncodedText.Encode("bot-1"u8);
    private static readonly JsonEncodedText BotName = JsonEncodedText.Encode("ImagingBot"u8);
    private static readonly JsonEncodedText BotRole = JsonEncodedText.Encode("bot"u8);
    private static readonly JsonEncodedText MessageType = JsonEncodedText.Encode("message"u8);
    private static readonly JsonEncodedText Emulator = JsonEncodedText.Encode("emulator"u8);
    private static readonly JsonEncodedText InvokeType = JsonEncodedText.Encode("invoke"u8);
    private static readonly JsonEncodedText MsTeams = JsonEncodedText.Encode("msteams"u8);
    private static readonly JsonEncodedText DeliveryMode = JsonEncodedText.Encode("deliveryMode"u8);
    private static readonly JsonEncodedText ExpectReplies = JsonEncodedText.Encode("expectReplies"u8);
    private static readonly JsonEncodedText Text = JsonEncodedText.Encode("text"u8);
    private static readonly JsonEncodedText Value = JsonEncodedText.Encode("value"u8);

    /// <summary>An Emulator message, replies expected in the HTTP response. A card submit has null text and the button's data as value.</summary>
    public static byte[] Message(string conversationId, string? text, JsonElement? value = null)
    {
        var writer = Start();
        MessageHeader(writer, conversationId, text);
        if (value is { } data)
        {
            writer.WritePropertyName(Value);
            data.WriteTo(writer);
        }

        return Finish(writer);
    }

    /// <summary>
    /// A card submit as <see cref="Message(string, string?, JsonElement?)"/> writes it, the button's data given as the
    /// raw UTF-8 JSON of the reply it came in (read and checked by then), copied as it is.
    /// </summary>
    public static byte[] Message(string conversationId, string? text, ReadOnlySpan<byte> utf8Value)
    {
        var writer = Start();
        MessageHeader(writer, conversationId, text);
        writer.WritePropertyName(Value);
        writer.WriteRawValue(utf8Value, skipInputValidation: true);
        return Finish(writer);
    }

    /// <summary>
    /// A Teams message in a personal chat, as Teams sends it: tenant in channelData and conversation, the user's Entra
    /// object id, the conversation kind. A card's Action.Submit click has no text, the button's data as value and
    /// <c>channelData.source</c> "message".
    /// </summary>
    public static byte[] TeamsMessage(TeamsChat chat, string? text, ReadOnlySpan<byte> utf8Value = default)
    {
        var writer = Start();
        Common(writer, MessageType, MsTeams, chat.ConversationId, chat.TenantId, chat.ServiceUrl);
        if (text is not null)
        {
            writer.WriteString(Text, text);
        }

        if (!utf8Value.IsEmpty)
        {
            writer.WritePropertyName(Value);
            writer.WriteRawValue(utf8Value, skipInputValidation: true);
        }

        TeamsChannelData(writer, chat.TenantId, fromCard: !utf8Value.IsEmpty);
        return Finish(writer);
    }

    /// <summary>
    /// A click on an Action.Execute button as Teams sends a Universal Action: an <c>adaptiveCard/action</c> invoke whose
    /// value is the action (type, verb, the button's data as it came) and the trigger; the response is the HTTP body.
    /// </summary>
    public static byte[] TeamsExecute(TeamsChat chat, ReadOnlySpan<byte> utf8Verb, ReadOnlySpan<byte> utf8Data)
    {
        var writer = Start();
        Common(writer, InvokeType, MsTeams, chat.ConversationId, chat.TenantId, chat.ServiceUrl);
        writer.WriteString(Name, "adaptiveCard/action"u8);
        writer.WriteStartObject(Value);
        writer.WriteStartObject("action"u8);
        writer.WriteString(Type, "Action.Execute"u8);
        writer.WriteString(Id, ""u8);
        writer.WriteString("verb"u8, utf8Verb);
        writer.WritePropertyName("data"u8);
        writer.WriteRawValue(utf8Data, skipInputValidation: true);
        writer.WriteEndObject();
        writer.WriteString("trigger"u8, "manual"u8);
        writer.WriteEndObject();
        TeamsChannelData(writer, chat.TenantId, fromCard: true);
        return Finish(writer);
    }

    /// <summary>
    /// A search from the Teams compose box. Teams sends invokes with normal delivery: the invoke response is the HTTP body.
    /// </summary>
    public static byte[] ComposeExtensionQuery(string conversationId, string tenantId, string query)
    {
        var writer = Start();
        Common(writer, InvokeType, MsTeams, conversationId, tenantId);
        writer.WriteString("name"u8, "composeExtension/query"u8);
        writer.WriteStartObject("value"u8);
        writer.WriteString("commandId"u8, "searchFaq"u8);
        writer.WriteStartArray("parameters"u8);
        writer.WriteStartObject();
        writer.WriteString("name"u8, "query"u8);
        writer.WriteString("value"u8, query);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartObject("queryOptions"u8);
        writer.WriteNumber("skip"u8, 0);
        writer.WriteNumber("count"u8, 25);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartObject("channelData"u8);
        writer.WriteStartObject("tenant"u8);
        writer.WriteString("id"u8, tenantId);
        writer.WriteEndObject();
        writer.WriteEndObject();
        return Finish(writer);
    }

    private static void MessageHeader(Utf8JsonWriter writer, string conversationId, string? text)
    {
        Common(writer, MessageType, Emulator, conversationId);
        writer.WriteString(DeliveryMode, ExpectReplies);
        if (text is not null)
        {
            writer.WriteString(Text, text);
        }
    }

    private static void TeamsChannelData(Utf8JsonWriter writer, string tenantId, bool fromCard)
    {
        writer.WriteStartObject("channelData"u8);
        writer.WriteStartObject("tenant"u8);
        writer.WriteString(Id, tenantId);
        writer.WriteEndObject();
        if (fromCard)
        {
            writer.WriteStartObject("source"u8);
            writer.WriteString(Name, "message"u8);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void Common(Utf8JsonWriter writer, JsonEncodedText type, JsonEncodedText channelId, string conversationId, string? tenantId = null, string? serviceUrl = null)
    {
        Span<byte> id = stackalloc byte[32];
        IdPrefix.CopyTo(id);
        ((ulong)Interlocked.Increment(ref s_ids)).TryFormat(id[16..], out _, "x16", CultureInfo.InvariantCulture);
        writer.WriteString(Type, type);
        writer.WriteString(Id, id);
        writer.WriteString(Timestamp, DateTimeOffset.UtcNow);
        writer.WriteString(ChannelId, channelId);
        if (serviceUrl is null)
        {
            writer.WriteString(ServiceUrlName, ServiceUrlValue);
        }
        else
        {
            writer.WriteString(ServiceUrlName, serviceUrl);
        }

        writer.WriteStartObject(From);
        writer.WriteString(Id, "user-" + conversationId);
        writer.WriteString(Name, Clinician);
        writer.WriteString(Role, UserRole);
        if (serviceUrl is not null)
        {
            writer.WriteString("aadObjectId"u8, "aad-" + conversationId);
        }

        writer.WriteEndObject();
        writer.WriteStartObject(Recipient);
        writer.WriteString(Id, BotId);
        writer.WriteString(Name, BotName);
        writer.WriteString(Role, BotRole);
        writer.WriteEndObject();
        writer.WriteStartObject(Conversation);
        writer.WriteString(Id, conversationId);
        if (tenantId is not null)
        {
            writer.WriteString("tenantId"u8, tenantId);
            writer.WriteString("conversationType"u8, "personal"u8);
        }

        writer.WriteEndObject();
    }

    private static Utf8JsonWriter Start()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        writer.WriteStartObject();
        return writer;
    }

    private static byte[] Finish(Utf8JsonWriter writer)
    {
        writer.WriteEndObject();
        writer.Flush();
        return t_buffer!.WrittenSpan.ToArray();
    }
}
