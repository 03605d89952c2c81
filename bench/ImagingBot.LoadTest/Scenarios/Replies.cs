using System.Net;
using System.Text;
using System.Text.Json;
using ImagingBot.LoadTest.Load;

namespace ImagingBot.LoadTest.Scenarios;

/// <summary>Reads the bot's replies from an expectReplies HTTP response: <c>{"activities":[...]}</c>.</summary>
internal static class Replies
{
    public static ReadOnlySpan<byte> AdaptiveCard => "application/vnd.microsoft.card.adaptive"u8;

    /// <summary>The first words of the attention banner an emergent recommendation card opens with.</summary>
    public static ReadOnlySpan<byte> EmergencyBanner => "\u26a0 EMERGENCY"u8;

    /// <summary>The parsed body, or an error when the status or the shape is wrong (the consult reads it with <see cref="ReplyScan"/>).</summary>
    public static (JsonDocument? Document, string? Error) Parse(BotResponse response)
    {
        if (response.Status != HttpStatusCode.OK)
        {
            return (null, $"HTTP {(int)response.Status}");
        }

        try
        {
            var document = JsonDocument.Parse(response.Body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("activities", out var activities)
                || activities.ValueKind != JsonValueKind.Array)
            {
                document.Dispose();
                return (null, ReplyScan.NoActivities);
            }

            return (document, null);
        }
        catch (JsonException)
        {
            return (null, ReplyScan.NotJson);
        }
    }

    public static JsonElement.ArrayEnumerator Activities(JsonDocument document) =>
        document.RootElement.GetProperty("activities").EnumerateArray();

    public static string? Text(JsonElement activity) =>
        activity.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;

    /// <summary>
    /// Whether a card orders the study first: a TextBlock with exactly the study's name right after the first-line
    /// heading (our recommendation card: "Order first", "Order first (in this order)", "Order first, as MRI is not
    /// possible", or for equal options "Equal first-line options: order one", then the studies), or a text
    /// "Order {study}...". The texts are compared as the UTF-8 bytes of the body: no string per TextBlock.
    /// </summary>
    public static bool OrdersFirst(ReplyScan scan, string study)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(study);
        var order = "Order "u8;
        var length = order.Length + Encoding.UTF8.GetByteCount(study);
        Span<byte> orderStudy = length <= 256 ? stackalloc byte[256] : new byte[length];
        orderStudy = orderStudy[..length];
        order.CopyTo(orderStudy);
        Encoding.UTF8.GetBytes(study, orderStudy[order.Length..]);
        var studyOnly = orderStudy[order.Length..];

        for (var i = 0; i < scan.TextCount; i++)
        {
            if (scan.TextStartsWith(i, orderStudy)
                || (i > 0 && scan.SameCard(i - 1, i) && scan.TextEquals(i, studyOnly) && (scan.TextStartsWith(i - 1, "Order"u8) || scan.TextStartsWith(i - 1, "Equal first-line options"u8))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Null when a Universal Action's invoke response is the answered card's record: <c>{"statusCode":200,"type":
    /// "application/vnd.microsoft.card.adaptive","value":{card}}</c> with no button left in the card (the record keeps
    /// the question and the answer, and nothing to click); else what is wrong.
    /// </summary>
    public static string? InvokeCardError(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            var reader = new Utf8JsonReader(body);
            int? status = null;
            var adaptive = false;
            var card = ReadOnlySpan<byte>.Empty;
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.ValueTextEquals("statusCode"u8) ? 1 : reader.ValueTextEquals("type"u8) ? 2 : reader.ValueTextEquals("value"u8) ? 3 : 0;
                    reader.Read();
                    switch (name)
                    {
                        case 1 when reader.TokenType == JsonTokenType.Number:
                            status = reader.GetInt32();
                            break;
                        case 2 when reader.TokenType == JsonTokenType.String:
                            adaptive = reader.ValueTextEquals(AdaptiveCard);
                            break;
                        case 3 when reader.TokenType == JsonTokenType.StartObject:
                            var start = (int)reader.TokenStartIndex;
                            reader.Skip();
                            card = body.AsSpan(start, (int)reader.BytesConsumed - start);
                            break;
                        default:
                            reader.Skip();
                            break;
                    }
                }
            }

            return status != 200 || !adaptive || card.IsEmpty ? "the invoke response is not a card (" + (status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no status") + ")"
                : card.IndexOf("\"Action."u8) >= 0 ? "the answered card still has a button"
                : null;
        }
        catch (JsonException)
        {
            return "the invoke response is not JSON";
        }
    }

    /// <summary>Whether a card carries the emergency banner (a TextBlock starting with <see cref="EmergencyBanner"/>).</summary>
    public static bool IsEmergent(ReplyScan scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        for (var i = 0; i < scan.TextCount; i++)
        {
            if (scan.TextStartsWith(i, EmergencyBanner))
            {
                return true;
            }
        }

        return false;
    }
}
