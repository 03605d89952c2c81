using ImagingBot.Security;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace ImagingBot.Adapter;

/// <summary>
/// The CloudAdapter with an error handler that, unlike the BotBuilder samples, keeps the
/// conversation state: a clinician who hits an error keeps every answer given so far.
/// </summary>
public sealed partial class ImagingBotAdapter : CloudAdapter
{
    public const string SomethingWentWrong =
        "Sorry, something went wrong on my side. Your answers so far are kept: please send your last answer again.";

    public ImagingBotAdapter(BotFrameworkAuthentication auth, TenantAllowListMiddleware tenantAllowList, MessageLengthMiddleware messageLength, ILogger<ImagingBotAdapter> logger)
        : base(auth, logger)
    {
        Use(tenantAllowList);
        Use(messageLength);
        OnTurnError = async (turnContext, exception) =>
        {
            // Never log the message text or card values: they may hold patient details.
            // Exception messages can echo input, so only the type and the stack trace are logged.
            LogTurnFailed(logger, exception.GetType().FullName, turnContext.Activity?.Type, turnContext.Activity?.ChannelId, exception.StackTrace);
            await turnContext.SendActivityAsync(SomethingWentWrong).ConfigureAwait(false);
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed with {ExceptionType} (activity type {ActivityType}, channel {ChannelId}) at {StackTrace}")]
    private static partial void LogTurnFailed(ILogger logger, string? exceptionType, string? activityType, string? channelId, string? stackTrace);
}
