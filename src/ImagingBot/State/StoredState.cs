using System.Globalization;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ImagingBot.State;

/// <summary>
/// How both stores keep a value, with Bot Framework 4.23.1 MemoryStorage's rules: Newtonsoft JSON with .NET type
/// names (<c>TypeNameHandling.All</c>, MemoryStorage's setting) so typed records come back typed, read back only
/// through <see cref="StoredTypesBinder"/>; an <see cref="IStoreItem"/> gets a new ETag on every write. One place,
/// so that the Memory and Redis stores cannot drift apart.
/// </summary>
internal static class StoredState
{
    public const string AnyETag = "*";
    private const string ETagProperty = "ETag";

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.All,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
        SerializationBinder = StoredTypesBinder.Instance,
        // The binder already gives the short "Type, Assembly" names MemoryStorage writes (Simple format); Full
        // keeps Newtonsoft from shortening them again on every value of every turn.
        TypeNameAssemblyFormatHandling = TypeNameAssemblyFormatHandling.Full,
    });

    /// <summary>
    /// Whether a write of <paramref name="value"/> checks the stored ETag, and against what: only an IStoreItem takes
    /// part in optimistic concurrency, as in MemoryStorage. A null or empty ETag expects nothing stored yet; "*" overwrites.
    /// </summary>
    public static bool ChecksETag(object value, out string? expected)
    {
        expected = (value as IStoreItem)?.ETag;
        return value is IStoreItem && expected != AnyETag;
    }

    /// <summary>A fresh ETag for an IStoreItem written now; null for a value that has none.</summary>
    public static string? NewETag(object value) =>
        value is IStoreItem ? Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture) : null;

    /// <summary>The value's stored JSON, carrying <paramref name="newETag"/> when it is an IStoreItem.</summary>
    public static string Serialize(object value, string? newETag)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (newETag is null)
        {
            using var text = new StringWriter(CultureInfo.InvariantCulture);
            Serializer.Serialize(text, value);
            return text.ToString();
        }

        var state = JObject.FromObject(value, Serializer);
        var etagProperty = state.Property(ETagProperty, StringComparison.OrdinalIgnoreCase);
        if (etagProperty is null)
        {
            state[ETagProperty] = newETag;
        }
        else
        {
            etagProperty.Value = newETag;
        }

        return state.ToString(Formatting.None);
    }

    public static object? Deserialize(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json));
        return Serializer.Deserialize(reader);
    }
}
