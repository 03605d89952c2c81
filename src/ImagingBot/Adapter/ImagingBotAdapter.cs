using ImagingBot.Cards;
using ImagingBot.Security;
using ImagingBot.State;
using ImagingBot.Telemetry;
using ImagingBot.Turn;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector.Authentication;

namespace ImagingBot.Adapter;

/// <summary>
/// The Bot Framework cloud adapter with an error handler that, unlike the BotBuilder samples, keeps the
/// conversation state: a clinician who hits an error keeps every answer given so far. The endpoint reads the request
/// and writes the response; the adapter runs the turn (<see cref="TurnAsync"/>).
/// </summary>
public sealed partial class ImagingBotAdapter : CloudAdapterBase
{
    public const string SomethingWentWrong =
        "Sorry, something went wrong on my side. Your answers so far are kept: please send your last answer again.";

    /// <summary>The reply when the conversation store cannot be reached: honest, and nothing stored is lost.</summary>
    public const string StateStoreUnavailable =
        "Sorry, I cannot reach my conversation store right now, so I could not take in your last message. " +
        "Your earlier answers are kept: please try again in a moment.";

    public ImagingBotAdapter(BotFrameworkAuthentication auth, TenantAllowListMiddleware tenantAllowList, MessageLengthMiddleware messageLength, OneTurnPerConversationMiddleware oneTurnPerConversation, ILogger<ImagingBotAdapter> logger, TurnTelemetryMiddleware? turnTelemetry = null)
        : base(auth, logger)
    {
        // First, so that every turn is measured, the refused and the failed ones too.
        if (turnTelemetry is not null)
        {
            Use(turnTelemetry);
        }

        Use(tenantAllowList);
        Use(messageLength);
        Use(new CardlessChannelText());

        // Last, so it wraps exactly the bot's load-process-save of the conversation state (the checks above need no state).
        Use(oneTurnPerConversation);
        OnTurnError = async (turnContext, exception) =>
        {
            // A store outage gets its own plain answer (200 with a reply rather than a 503: Teams does not
            // redeliver a failed message, so a 503 would leave the clinician with silence).
            if (IsStateStoreUnavailable(exception))
            {
                LogStateStoreUnavailable(logger, exception.GetType().FullName, exception.InnerException?.GetType().FullName, turnContext.Activity?.Type, turnContext.Activity?.ChannelId);
                await turnContext.SendActivityAsync(StateStoreUnavailable).ConfigureAwait(false);
                return;
            }

            // The channel's reply endpoint (serviceUrl) did not take our reply: an apology would not arrive either.
            if (IsChannelUnreachable(exception))
            {
                LogReplyNotDelivered(logger, exception.GetType().FullName, turnContext.Activity?.Type, turnContext.Activity?.ChannelId);
                return;
            }

            // Never log the message text or card values: they may hold patient details.
            // Exception messages can echo input, so only the type and the stack trace are logged.
            LogTurnFailed(logger, exception.GetType().FullName, turnContext.Activity?.Type, turnContext.Activity?.ChannelId, exception.StackTrace);
            try
            {
                await turnContext.SendActivityAsync(SomethingWentWrong).ConfigureAwait(false);
            }
            catch (Exception replyFailure) when (IsChannelUnreachable(replyFailure))
            {
                LogReplyNotDelivered(logger, replyFailure.GetType().FullName, turnContext.Activity?.Type, turnContext.Activity?.ChannelId);
            }
        };
    }

    /// <summary>
    /// One turn of an activity the endpoint has read (<see cref="Security.MessagesRequestReader"/>): the token checked,
    /// the turn run, and what to answer the HTTP request with (the replies when the channel expects them in the
    /// response, an invoke's answer, or null for 200). An invalid token throws, as the SDK's own entry point does.
    /// </summary>
    public async Task<InvokeResponse> TurnAsync(string? authorization, Microsoft.Bot.Schema.Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        try
        {
            return await ProcessActivityAsync(authorization, activity, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (UnauthorizedAccessException exception)
        {
            LogUnauthorized(Logger, exception.GetType().FullName);
            throw;
        }
    }

    private static bool IsChannelUnreachable(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is HttpRequestException or Microsoft.Bot.Schema.ErrorResponseException)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsStateStoreUnavailable(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is StateStoreUnavailableException)
            {
                return true;
            }
        }

        return false;
    }

    // Exception messages are not logged: they can echo input. The types say what failed.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn stopped: the state store is unavailable ({ExceptionType} caused by {InnerExceptionType}; activity type {ActivityType}, channel {ChannelId})")]
    private static partial void LogStateStoreUnavailable(ILogger logger, string? exceptionType, string? innerExceptionType, string? activityType, string? channelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reply could not be delivered to the channel ({ExceptionType}; activity type {ActivityType}, channel {ChannelId}); the turn's changes were not saved")]
    private static partial void LogReplyNotDelivered(ILogger logger, string? exceptionType, string? activityType, string? channelId);

    // The SDK logs the whole exception here; its message is left out as everywhere else.
    [LoggerMessage(Level = LogLevel.Error, Message = "Request refused with 401: {ExceptionType}")]
    private static partial void LogUnauthorized(ILogger logger, string? exceptionType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed with {ExceptionType} (activity type {ActivityType}, channel {ChannelId}) at {StackTrace}")]
    private static partial void LogTurnFailed(ILogger logger, string? exceptionType, string? activityType, string? channelId, string? stackTrace);
}
