using System.Text;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ImagingBot.Security;

/// <summary>
/// Reads a request to <c>/api/messages</c> once, within the size limit, into the activity the Bot Framework adapter
/// takes, with the SDK's own serializer: a body over the limit gets 413, a body that is not an activity the turn can
/// answer gets 400 with a short reason and no stack trace.
/// </summary>
public static class MessagesRequestReader
{
    public const string NotAnActivity = "The request body must be a Bot Framework activity: a JSON object with a string 'type'.";

    /// <summary>The activity, or the answer that refuses the request (the other is null).</summary>
    public static async Task<(Activity? Activity, IResult? Refusal)> ReadAsync(HttpRequest request, long maxBodyBytes, CancellationToken cancellationToken)
    {
        await using var body = await BoundedRequestBody.ReadAsync(request, maxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return (null, Results.Text(BoundedRequestBody.TooLarge(maxBodyBytes), statusCode: StatusCodes.Status413PayloadTooLarge));
        }

        Activity? activity;
        try
        {
            using var reader = new JsonTextReader(new StreamReader(body, Encoding.UTF8));
            activity = HttpHelper.BotMessageSerializer.Deserialize<Activity>(reader);

            // One JSON value and nothing after it.
            if (reader.Read())
            {
                return (null, BadRequest("The request body is not valid JSON."));
            }
        }
        catch (JsonReaderException)
        {
            return (null, BadRequest("The request body is not valid JSON."));
        }
        catch (JsonSerializationException)
        {
            // Valid JSON that is no activity: an array, a string, a property of the wrong shape.
            return (null, BadRequest(NotAnActivity));
        }

        return Problem(activity) is { } problem ? (null, BadRequest(problem)) : (activity, null);
    }

    /// <summary>
    /// What every channel sends and the turn cannot do without: its type, where to answer (<c>serviceUrl</c>) and
    /// which conversation's state to use (<c>channelId</c>, <c>conversation.id</c>). Without them the Bot Framework
    /// adapter fails with a 500 or the turn fails on loading state, so they are refused here with a reason.
    /// </summary>
    private static string? Problem(Activity? activity)
    {
        if (string.IsNullOrEmpty(activity?.Type))
        {
            return NotAnActivity;
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "The activity needs a 'serviceUrl': an absolute http or https URL.";
        }

        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return "The activity needs a 'channelId'.";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "The activity needs a 'conversation' with an 'id'.";
        }

        return null;
    }

    private static IResult BadRequest(string reason) => Results.Text(reason, statusCode: StatusCodes.Status400BadRequest);
}
