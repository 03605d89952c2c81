using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImagingBot.Templating.Tests;

/// <summary>Semantic JSON equality: key order ignored; a number is never equal to a string; 2 equals 2.0.</summary>
internal static class JsonAssert
{
    public static void Equal(JsonNode? expected, JsonNode? actual, string because)
    {
        var difference = FindDifference(expected, actual, "");
        Assert.True(difference is null, $"{because}: {difference}");
    }

    public static string? FindDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        var at = path.Length == 0 ? "/" : path;
        var expectedKind = expected?.GetValueKind() ?? JsonValueKind.Null;
        var actualKind = actual?.GetValueKind() ?? JsonValueKind.Null;
        if (expectedKind != actualKind)
        {
            return $"at {at}: expected {Show(expected)}, got {Show(actual)}";
        }

        switch (expectedKind)
        {
            case JsonValueKind.Object:
                var e = expected!.AsObject();
                var a = actual!.AsObject();
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    if (!e.ContainsKey(key) || !a.ContainsKey(key))
                    {
                        return $"at {at}: property '{key}' is {(e.ContainsKey(key) ? "missing" : "unexpected")}";
                    }

                    if (FindDifference(e[key], a[key], $"{path}/{key}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var ea = expected!.AsArray();
                var aa = actual!.AsArray();
                if (ea.Count != aa.Count)
                {
                    return $"at {at}: expected {ea.Count} items, got {aa.Count}";
                }

                for (var i = 0; i < ea.Count; i++)
                {
                    if (FindDifference(ea[i], aa[i], $"{path}/{i}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Number:
                var en = decimal.Parse(expected!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                var an = decimal.Parse(actual!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                return en == an ? null : $"at {at}: expected {en}, got {an}";
            case JsonValueKind.String:
                return expected!.GetValue<string>() == actual!.GetValue<string>() ? null : $"at {at}: expected {Show(expected)}, got {Show(actual)}";
            default:
                return null;
        }
    }

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";
}
