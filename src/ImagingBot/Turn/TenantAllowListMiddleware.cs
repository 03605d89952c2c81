using ImagingBot.Security;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Options;

namespace ImagingBot.Turn;

/// <summary>
/// Lets in only the hospital's own Microsoft Entra tenants. Clinical content must never reach another
/// organisation, so an activity whose tenant is unknown is refused too once a list is configured.
/// </summary>
public sealed partial class TenantAllowListMiddleware(IOptions<BotOptions> options, ILogger<TenantAllowListMiddleware> logger) : Microsoft.Bot.Builder.IMiddleware
{
    public const string Refusal = "Sorry, this bot is not available to your organisation.";

    private readonly HashSet<string> _allowed = new(options.Value.AllowedTenantIds.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()), StringComparer.OrdinalIgnoreCase);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (_allowed.Count == 0 || TenantOf(turnContext.Activity) is { } tenant && _allowed.Contains(tenant))
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        LogRefused(logger, turnContext.Activity.ChannelId, turnContext.Activity.Type);
        if (turnContext.Activity.Type is ActivityTypes.Message)
        {
            await turnContext.SendActivityAsync(Refusal, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        else if (turnContext.Activity.Type is ActivityTypes.Invoke)
        {
            await turnContext.SendActivityAsync(
                new Activity(ActivityTypesEx.InvokeResponse) { Value = new InvokeResponse { Status = StatusCodes.Status403Forbidden } },
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The activity's Entra tenant id, or null when it names none.</summary>
    public static string? TenantOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        // Teams puts the tenant in channelData.tenant.id; newer payloads also carry conversation.tenantId.
        var fromChannelData = activity.ChannelId == Microsoft.Bot.Connector.Channels.Msteams
            ? TeamsTenantOf(activity)
            : null;
        return fromChannelData ?? activity.Conversation?.TenantId;
    }

    // Channel data that is not Teams' shape names no tenant (it must not fail the turn).
    private static string? TeamsTenantOf(Activity activity)
    {
        try
        {
            return activity.GetChannelData<TeamsChannelData>()?.Tenant?.Id;
        }
        catch (Exception exception) when (exception is Newtonsoft.Json.JsonException or InvalidCastException)
        {
            // GetChannelData casts to JObject: a string, number or array as channel data throws InvalidCastException.
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity from a tenant outside the allow-list (channel {ChannelId}, type {ActivityType})")]
    private static partial void LogRefused(ILogger logger, string? channelId, string? activityType);
}
