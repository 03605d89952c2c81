using System.Globalization;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ImagingBot.State;

/// <summary>
/// How both stores keep a value, with Bot Framework 4.23.1 MemoryStorage's rules: Newtonsoft JSON with .NET type
/// names where a reader needs them (the root value, and values declared as <c>object</c> such as the conversation
/// state dictionary's), so typed records come back typed, read back only through <see cref="StoredTypesBinder"/>;
/// an <see cref="IStoreItem"/> gets a new ETag on every write. One place, so that the Memory and Redis stores cannot
/// drift apart. State written with MemoryStorage's <c>TypeNameHandling.All</c> (our earlier releases) is read back
/// typed, and those releases read what we write now.
/// </summary>
internal static class StoredState
{
    public const string AnyETag = "*";
    private const string ETagProperty = "ETag";

    // Declared as object, the root value always carries its $type under Auto: without it a read returns a JObject,
    // not the conversation state's dictionary or the store item.
    private static readonly Type RootType = typeof(object);

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        // Auto, not MemoryStorage's All: a type name only where the runtime type differs from the declared one, so
        // not on a record's own typed properties (the consult's answers), which every turn wrote and read for nothing
        // (a mid-consult state: 443 -> 379 bytes). Auto still reads every $type it finds, through the binder, so
        // All-format state already stored comes back typed; and All reads a missing $type as the declared type, so
        // a rollback reads this format too.
        TypeNameHandling = TypeNameHandling.Auto,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
        SerializationBinder = StoredTypesBinder.Instance,
        // The binder already gives the short "Type, Assembly" names MemoryStorage writes (Simple format); Full
        // keeps Newtonsoft from shortening them again on every value of every turn.
        TypeNameAssemblyFormatHandling = TypeNameAssemblyFormatHandling.Full,
        // Replace, not the default Auto: Auto fills a property's existing value in place, and a record's default is
        // often a shared instance (ConsultState.Answers = ClinicalAnswers.Empty), so reading one conversation's
        // answers wrote them into ClinicalAnswers.Empty for every consult in the process (a new consult then
        // skipped the emergency screen). Stored values are immutable: always create them anew.
        ObjectCreationHandling = ObjectCreationHandling.Replace,
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
            Serializer.Serialize(text, value, RootType);
            return text.ToString();
        }

        using var tokens = new JTokenWriter();
        Serializer.Serialize(tokens, value, RootType);
        var state = (JObject)tokens.Token!;
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
