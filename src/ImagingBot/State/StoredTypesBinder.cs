using System.Collections.Concurrent;
using System.Text;
using Newtonsoft.Json.Serialization;

namespace ImagingBot.State;

/// <summary>
/// Stored state carries .NET type names (<c>$type</c>, as Bot Framework's MemoryStorage writes them) so that
/// typed records come back typed. A network store can be written by others, so on reading only our own
/// types, Bot Framework's, and plain values and collections of them may be created: a forged type name
/// cannot make the bot instantiate anything else. Names and checks are worked out once per type: every turn writes
/// and reads the same few types.
/// </summary>
internal sealed class StoredTypesBinder : DefaultSerializationBinder
{
    private static readonly string[] TrustedAssemblyPrefixes = ["ImagingBot", "Microsoft.Bot."];
    private static readonly string[] ValueNamespaces = ["System.Collections.Generic", "System.Collections.Immutable", "System.Collections.ObjectModel"];

    public static readonly StoredTypesBinder Instance = new();

    private readonly ConcurrentDictionary<(string? Assembly, string Type), Type> _allowed = new();
    private readonly ConcurrentDictionary<Type, string> _names = new();

    public override Type BindToType(string? assemblyName, string typeName)
    {
        if (_allowed.TryGetValue((assemblyName, typeName), out var known))
        {
            return known;
        }

        Type type;
        try
        {
            type = base.BindToType(assemblyName, typeName);
        }
        catch (Newtonsoft.Json.JsonSerializationException) when (assemblyName?.StartsWith(TrustedAssemblyPrefixes[0], StringComparison.Ordinal) == true)
        {
            // A value an earlier release of ours stored under a type that is gone (the waterfall's consult): read it
            // as a retired value that nothing uses, so the conversation goes on, instead of failing every turn
            // until the value expires.
            type = typeof(RetiredStoredValue);
        }

        if (!IsAllowed(type))
        {
            throw new InvalidOperationException($"Stored state names type '{type.FullName}', which ImagingBot does not read back.");
        }

        _allowed.TryAdd((assemblyName, typeName), type);
        return type;
    }

    /// <summary>
    /// The name MemoryStorage writes (Newtonsoft's Simple assembly format: "Type, Assembly" without version, culture
    /// or key, generic arguments included), as one type name: use it with TypeNameAssemblyFormatHandling.Full.
    /// </summary>
    public override void BindToName(Type serializedType, out string? assemblyName, out string? typeName)
    {
        ArgumentNullException.ThrowIfNull(serializedType);
        assemblyName = null;
        typeName = _names.GetOrAdd(serializedType, static type => WithoutAssemblyDetails(type.FullName + ", " + type.Assembly.FullName));
    }

    // Newtonsoft's own rule (ReflectionUtils.RemoveAssemblyDetails, internal there): in every "Type, Assembly, Version=...,
    // Culture=..., PublicKeyToken=..." keep the type and the assembly's name.
    private static string WithoutAssemblyDetails(string qualifiedName)
    {
        var name = new StringBuilder(qualifiedName.Length);
        var inAssemblyName = false;
        var skippingDetails = false;
        var afterBracket = false;
        foreach (var c in qualifiedName)
        {
            switch (c)
            {
                case '[' or ']':
                    inAssemblyName = false;
                    skippingDetails = false;
                    afterBracket = c == '[';
                    name.Append(c);
                    break;
                case ',' when afterBracket:
                    name.Append(c);
                    break;
                case ',' when !inAssemblyName:
                    inAssemblyName = true;
                    name.Append(c);
                    break;
                case ',':
                    skippingDetails = true;
                    break;
                default:
                    afterBracket = false;
                    if (!skippingDetails)
                    {
                        name.Append(c);
                    }

                    break;
            }
        }

        return name.ToString();
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
