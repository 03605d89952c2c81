using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;

namespace ImagingBot.Tests.Deployment;

/// <summary>
/// The configuration keys ImagingBot reads, found in the code rather than listed by hand: every <c>*Options</c> class
/// of the bot assembly that declares a <c>SectionName</c>, walked property by property, plus the four settings the
/// Bot Framework SDK itself reads (ConfigurationBotFrameworkAuthentication). Keys use <c>:</c>; a list is one key.
/// </summary>
internal static class SettingsTheAppReads
{
    public static readonly string[] BotFrameworkSettings =
        ["MicrosoftAppType", "MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId"];

    /// <summary>Settings the bot's own code or the SDK binds: a deployment must set each of them.</summary>
    public static IReadOnlySet<string> Bound()
    {
        var keys = new SortedSet<string>(BotFrameworkSettings, StringComparer.OrdinalIgnoreCase);
        foreach (var optionsType in OptionsTypes())
        {
            var section = (string)optionsType.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)!.GetRawConstantValue()!;
            AddProperties(optionsType, section, keys);
        }

        return keys;
    }

    /// <summary>Bound settings plus the keys documented in src/ImagingBot/appsettings.json (host settings such as Urls).</summary>
    public static IReadOnlySet<string> Known()
    {
        var keys = new SortedSet<string>(Bound(), StringComparer.OrdinalIgnoreCase);
        var appSettings = JsonNode.Parse(File.ReadAllText(RepositoryLayout.PathOf("src", "ImagingBot", "appsettings.json")))!;
        AddJsonKeys(appSettings, prefix: null, keys);
        return keys;
    }

    public static IEnumerable<Type> OptionsTypes() => typeof(Program).Assembly.GetTypes()
        .Where(type => type.IsClass && type.Name.EndsWith("Options", StringComparison.Ordinal))
        .Where(type => type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
            && field.FieldType == typeof(string));

    /// <summary><c>Storage__Redis__ConnectionString</c>, <c>Bot__AllowedTenantIds__0</c> or <c>CdsHooks__TrustedIssuers__0__Issuer</c> as the key it binds.</summary>
    public static string ConfigurationKey(string environmentName)
    {
        var segments = environmentName.Split("__");
        // An index addresses one item of a list (or a field of one item); the list is the setting.
        var index = Array.FindIndex(segments, 1, s => s.Length > 0 && s.All(char.IsAsciiDigit));
        return string.Join(':', segments.Take(index < 0 ? segments.Length : index));
    }

    private static void AddProperties(Type type, string prefix, ISet<string> keys)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetMethod is null || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var key = $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsScalar(propertyType))
            {
                // The binder can set a scalar only through a setter (init counts).
                if (property.SetMethod is not null)
                {
                    keys.Add(key);
                }
            }
            else if (typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                keys.Add(key);
            }
            else
            {
                AddProperties(propertyType, key, keys);
            }
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid) || type == typeof(Uri);

    private static void AddJsonKeys(JsonNode node, string? prefix, ISet<string> keys)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj)
            {
                var key = prefix is null ? name : $"{prefix}:{name}";
                if (child is JsonObject)
                {
                    AddJsonKeys(child, key, keys);
                }
                else
                {
                    keys.Add(key);
                }
            }
        }
    }
}
