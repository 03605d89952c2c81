using System.Text;
using System.Text.RegularExpressions;

namespace ImagingBot.Telemetry;

/// <summary>
/// A URL as a span may show it: scheme, host, port and a path whose ids are replaced by placeholders; never the query,
/// the fragment or user info. The Bot Connector's paths carry conversation ids
/// (<c>/v3/conversations/{conversationId}/activities/{activityId}</c>), Teams' service URLs a tenant id, the token
/// endpoint the bot's tenant: a segment is kept only when it reads as a word or a version (<c>v3</c>, <c>oauth2</c>,
/// <c>v2.0</c>, <c>.well-known</c>) and does not follow a collection that is addressed by id.
/// </summary>
public static partial class PhiFreeUrl
{
    private const int LongestKeptSegment = 40;

    private static readonly (string Collection, string Placeholder)[] IdAfter =
    [
        ("conversations", "{conversationId}"),
        ("activities", "{activityId}"),
        ("members", "{memberId}"),
        ("attachments", "{attachmentId}"),
        ("views", "{viewId}"),
    ];

    /// <summary><paramref name="uri"/> without its ids, query or fragment (a relative URI: its path only).</summary>
    public static string Of(Uri? uri)
    {
        if (uri is null)
        {
            return string.Empty;
        }

        if (!uri.IsAbsoluteUri)
        {
            return Path(uri.OriginalString.Split('?', '#')[0]);
        }

        var url = new StringBuilder(uri.Scheme).Append("://").Append(uri.IdnHost);
        if (!uri.IsDefaultPort)
        {
            url.Append(':').Append(uri.Port);
        }

        return url.Append(Path(uri.AbsolutePath)).ToString();
    }

    /// <summary>A path with every segment that may be an id replaced by a placeholder.</summary>
    public static string Path(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "/")
        {
            return "/";
        }

        var segments = path.Split('/');
        var kept = new string[segments.Length];
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            kept[i] = segment.Length == 0 ? segment
                : (i > 0 ? Placeholder(segments[i - 1]) : null) ?? (IsWord(segment) ? segment : "{id}");
        }

        return string.Join('/', kept);
    }

    private static string? Placeholder(string? previous)
    {
        foreach (var (collection, placeholder) in IdAfter)
        {
            if (string.Equals(previous, collection, StringComparison.OrdinalIgnoreCase))
            {
                return placeholder;
            }
        }

        return null;
    }

    private static bool IsWord(string segment) => segment.Length <= LongestKeptSegment && Word().IsMatch(segment);

    [GeneratedRegex(@"^\.?[A-Za-z][A-Za-z_-]*(\d+(\.\d+)*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
