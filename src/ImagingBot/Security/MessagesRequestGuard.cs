using System.Text.Json;

namespace ImagingBot.Security;

/// <summary>
/// Checks a request to <c>/api/messages</c> before the Bot Framework adapter sees it: a body over the
/// limit gets 413, a body that is not a JSON activity gets 400 with a short reason and no stack trace.
/// The body is buffered (it is small) so that the adapter can read it again.
/// </summary>
public static class MessagesRequestGuard
{
    public static async Task<IResult?> RejectAsync(HttpRequest request, long maxBodyBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBodyBytes)
        {
            return TooLarge(maxBodyBytes);
        }

        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: maxBodyBytes);
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("type", out var type)
                || type.ValueKind != JsonValueKind.String)
            {
                return Results.Text("The request body must be a Bot Framework activity: a JSON object with a string 'type'.", statusCode: StatusCodes.Status400BadRequest);
            }

            if (MissingRoute(document.RootElement) is { } missing)
            {
                return Results.Text(missing, statusCode: StatusCodes.Status400BadRequest);
            }
        }
        catch (JsonException)
        {
            return Results.Text("The request body is not valid JSON.", statusCode: StatusCodes.Status400BadRequest);
        }
        catch (IOException)
        {
            // The buffering stream throws IOException when a body without Content-Length outgrows the limit.
            return TooLarge(maxBodyBytes);
        }

        request.Body.Position = 0;
        return null;
    }

    /// <summary>
    /// What every channel sends and the turn cannot do without: where to answer (<c>serviceUrl</c>) and which
    /// conversation's state to use (<c>channelId</c>, <c>conversation.id</c>). Without them the Bot Framework
    /// adapter fails with a 500 or the turn fails on loading state, so they are refused here with a reason.
    /// </summary>
    private static string? MissingRoute(JsonElement activity)
    {
        if (!activity.TryGetProperty("serviceUrl", out var serviceUrl) || serviceUrl.ValueKind != JsonValueKind.String
            || !Uri.TryCreate(serviceUrl.GetString(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "The activity needs a 'serviceUrl': an absolute http or https URL.";
        }

        if (!activity.TryGetProperty("channelId", out var channelId) || channelId.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(channelId.GetString()))
        {
            return "The activity needs a 'channelId'.";
        }

        if (!activity.TryGetProperty("conversation", out var conversation) || conversation.ValueKind != JsonValueKind.Object
            || !conversation.TryGetProperty("id", out var conversationId) || conversationId.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(conversationId.GetString()))
        {
            return "The activity needs a 'conversation' with an 'id'.";
        }

        return null;
    }

    private static IResult TooLarge(long maxBodyBytes) =>
        Results.Text($"The request body is larger than {maxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
}
