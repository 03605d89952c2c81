using ImagingBot.State;
using ImagingBot.Telemetry;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ImagingBot.Turn;

/// <summary>
/// Runs the turns of one conversation one after the other, on every instance: the turn holds its
/// conversation's lock while the bot loads, changes and saves the conversation state. A second click on
/// the same button therefore sees the first click's answer (and gets the "already answered" note) instead
/// of overwriting it. Registered after the checks that need no state and before the bot, so it wraps the
/// whole load-process-save.
/// </summary>
public sealed partial class OneTurnPerConversationMiddleware(IConversationLock conversationLock, ConversationLockTiming timing, ILogger<OneTurnPerConversationMiddleware> logger, StoreMetrics? metrics = null) : Microsoft.Bot.Builder.IMiddleware
{
    public const string Busy =
        "I am still working on your previous message in this conversation, so I could not take in this one. " +
        "Nothing is lost: please send it again in a moment.";

    /// <summary>The span of a turn's wait for its conversation's lock.</summary>
    public const string LockSpanName = "imagingbot.lock.wait";

    private const string StoreUnavailable = "store_unavailable";

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        if (ConversationKey(turnContext.Activity) is not { } key)
        {
            // Without a conversation there is no conversation state to protect.
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var held = await AcquireAsync(key, cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            LogBusy(logger, turnContext.Activity.Type, timing.Wait.TotalSeconds);
            await ReplyBusyAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return;
        }

        await using (held.ConfigureAwait(false))
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IAsyncDisposable?> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        using var span = ImagingBotTelemetry.Source.StartActivity(LockSpanName);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var held = await conversationLock.TryAcquireAsync(key, timing.Wait, cancellationToken).ConfigureAwait(false);
            var result = held is null ? "busy" : "acquired";
            span?.SetTag(TelemetryAttributes.LockResult, result);
            metrics?.LockWaited(System.Diagnostics.Stopwatch.GetElapsedTime(started), result);
            return held;
        }
        catch (StateStoreUnavailableException unavailable)
        {
            span?.SetTag(TelemetryAttributes.LockResult, StoreUnavailable);
            metrics?.LockWaited(System.Diagnostics.Stopwatch.GetElapsedTime(started), StoreUnavailable);
            metrics?.Failed(StoreMetrics.Lock, unavailable.InnerException ?? unavailable);
            throw;
        }
    }

    /// <summary>
    /// The key the turn's state is stored under (<see cref="ConversationScope.StorageKey"/>): one lock per stored state,
    /// so a clinician's turns in a group chat run in order and do not wait for another clinician's.
    /// </summary>
    public static string? ConversationKey(Activity activity) => activity is null ? null : ConversationScope.StorageKey(activity);

    private static async Task ReplyBusyAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Type == ActivityTypes.Message)
        {
            await turnContext.SendActivityAsync(Busy, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        else if (turnContext.Activity.Type == ActivityTypes.Invoke)
        {
            // 429: the client may send it again; nothing was processed.
            await turnContext.SendActivityAsync(
                new Activity(ActivityTypesEx.InvokeResponse) { Value = new InvokeResponse { Status = StatusCodes.Status429TooManyRequests } },
                cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {ActivityType} turn was not run: its conversation stayed busy for {WaitSeconds} s")]
    private static partial void LogBusy(ILogger logger, string? activityType, double waitSeconds);
}
