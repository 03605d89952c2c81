using System.Reflection;
using ImagingBot.Cards;
using Microsoft.Bot.Schema;
using Microsoft.Rest.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace ImagingBot.Adapter;

/// <summary>
/// The SDK's contract resolver for the replies we write, except that an attachment whose content is raw JSON (every
/// card we send: see <see cref="Cards.AdaptiveCardMessage"/>) is written as it is. Bot Framework's converter on
/// <see cref="Attachment.Content"/> first searches the content for MemoryStreams by reflection and then copies it
/// through a JTokenWriter into a new token before writing that: the same JSON, at a cost on every card. A kept card
/// written into a <see cref="ReplyJsonBuffer"/> goes in as the UTF-8 it already has. Any other content still goes
/// through the SDK's converter.
/// </summary>
internal sealed class RawAttachmentContent : ReadOnlyJsonContractResolver
{
    public static readonly RawAttachmentContent Resolver = new();

    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        if (member.DeclaringType == typeof(Attachment) && member.Name == nameof(Attachment.Content) && property.Converter is { } sdkConverter)
        {
            property.Converter = new RawFirst(sdkConverter);
        }

        return property;
    }

    private sealed class RawFirst(JsonConverter sdkConverter) : JsonConverter
    {
        public override bool CanRead => sdkConverter.CanRead;

        public override bool CanConvert(Type objectType) => sdkConverter.CanConvert(objectType);

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
            sdkConverter.ReadJson(reader, objectType, existingValue, serializer);

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
        {
            if (value is IUtf8Json utf8 && ReplyJsonBuffer.WriteUtf8Value(writer, utf8))
            {
                return;
            }

            if (value is JRaw raw)
            {
                raw.WriteTo(writer);
                return;
            }

            sdkConverter.WriteJson(writer, value, serializer);
        }
    }
}
