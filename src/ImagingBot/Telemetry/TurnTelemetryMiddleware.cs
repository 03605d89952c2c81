using System.Diagnostics;
using Microsoft.Bot.Builder;

namespace ImagingBot.Telemetry;

/// <summary>
/// First in the adapter's pipeline: one span (<c>imagingbot.turn</c>, a child of the HTTP request's) and one duration
/// per turn, described by the activity's type, an invoke's name and the channel, and by nothing the activity says.
/// </summary>
public sealed class TurnTelemetryMiddleware(TurnMetrics metrics) : Microsoft.Bot.Builder.IMiddleware
{
    public const string SpanName = "imagingbot.turn";

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        var type = TelemetryValues.ActivityType(activity?.Type);
        var invoke = TelemetryValues.InvokeName(activity);
        var channel = TelemetryValues.Channel(activity?.ChannelId);
        using var span = ImagingBotTelemetry.Source.StartActivity(SpanName);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(TelemetryAttributes.ActivityType, type);
            span.SetTag(TelemetryAttributes.Channel, channel);
            span.SetTag(TelemetryAttributes.InvokeName, invoke);
        }

        var started = Stopwatch.GetTimestamp();
        string? errorType = null;
        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The adapter's error handler answers the clinician; here the turn is only marked failed, by type.
            errorType = TelemetryValues.ErrorType(exception);
            span?.SetStatus(ActivityStatusCode.Error);
            span?.SetTag(TelemetryAttributes.ErrorType, errorType);
            throw;
        }
        finally
        {
            metrics.TurnTaken(Stopwatch.GetElapsedTime(started), type, invoke, channel, errorType);
        }
    }
}
