using System.Buffers.Text;
using System.Text.Json;

namespace ImagingBot.Security;

/// <summary>
/// Rejects, without any network call, bearer tokens that cannot be valid Bot Framework tokens:
/// a missing or non-Bearer header, a token that is not a three-part JWS, or one not signed with RS256
/// (the Bot Framework channels sign with RS256; "none" means unsigned). The SDK would otherwise
/// first fetch Microsoft's signing keys, which can be slow or unreachable.
/// </summary>
public static class BotTokenPrecheck
{
    public static bool LooksLikeASignedBotToken(string? authorizationHeader)
    {
        const string scheme = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var parts = authorizationHeader[scheme.Length..].Trim().Split('.');
        if (parts.Length != 3 || parts.Any(string.IsNullOrEmpty))
        {
            return false;
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            return header.RootElement.ValueKind == JsonValueKind.Object
                && header.RootElement.TryGetProperty("alg", out var alg)
                && alg.ValueKind == JsonValueKind.String
                && alg.GetString() == "RS256";
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return false;
        }
    }

    /// <summary>True for failures of the SDK's token validation, which must surface as 401, not 500.</summary>
    public static bool IsAuthenticationFailure(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is UnauthorizedAccessException
                || current.GetType().Namespace?.StartsWith("Microsoft.IdentityModel", StringComparison.Ordinal) == true
                || current.Message.StartsWith("IDX", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
