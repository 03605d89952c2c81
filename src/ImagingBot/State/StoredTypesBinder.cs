using Newtonsoft.Json.Serialization;

namespace ImagingBot.State;

/// <summary>
/// Stored state carries .NET type names (<c>$type</c>, as Bot Framework's MemoryStorage writes them) so that
/// typed records come back typed. A network store can be written by others, so on reading only our own
/// types, Bot Framework's, and plain values and collections of them may be created: a forged type name
/// cannot make the bot instantiate anything else.
/// </summary>
internal sealed class StoredTypesBinder : DefaultSerializationBinder
{
    private static readonly string[] TrustedAssemblyPrefixes = ["ImagingBot", "Microsoft.Bot."];
    private static readonly string[] ValueNamespaces = ["System.Collections.Generic", "System.Collections.Immutable", "System.Collections.ObjectModel"];

    public static readonly StoredTypesBinder Instance = new();

    public override Type BindToType(string? assemblyName, string typeName)
    {
        var type = base.BindToType(assemblyName, typeName);
        return IsAllowed(type)
            ? type
            : throw new InvalidOperationException($"Stored state names type '{type.FullName}', which ImagingBot does not read back.");
    }

    private static bool IsAllowed(Type type)
    {
        if (type.IsArray)
        {
            return IsAllowed(type.GetElementType()!);
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            return IsAllowed(type.GetGenericTypeDefinition()) && type.GetGenericArguments().All(IsAllowed);
        }

        var assembly = type.Assembly.GetName().Name ?? string.Empty;
        if (TrustedAssemblyPrefixes.Any(prefix => assembly.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return true;
        }

        return type.IsPrimitive
            || type == typeof(object) || type == typeof(string) || type == typeof(decimal)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly)
            || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(Uri)
            || type == typeof(Nullable<>)
            || ValueNamespaces.Contains(type.Namespace, StringComparer.Ordinal);
    }
}
