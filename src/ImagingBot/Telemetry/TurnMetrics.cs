using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ImagingBot.Telemetry;

/// <summary>How long the bot takes over a turn, and over a compose-box search in particular.</summary>
public sealed class TurnMetrics
{
    public const string TurnDurationName = "imagingbot.turn.duration";
    public const string MessageExtensionDurationName = "imagingbot.message_extension.duration";

    private readonly Histogram<double> _turn;
    private readonly Histogram<double> _messageExtension;

    public TurnMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(ImagingBotTelemetry.MeterName);
        var buckets = new InstrumentAdvice<double> { HistogramBucketBoundaries = ImagingBotTelemetry.DurationBuckets };
        _turn = meter.CreateHistogram(TurnDurationName, "s", "Time the bot spends on one turn: its middlewares, the conversation's lock, loading, the consult, the replies sent and saving.", tags: null, advice: buckets);
        _messageExtension = meter.CreateHistogram(MessageExtensionDurationName, "s", "Time the bot spends answering a compose-box (message extension) FAQ search.", tags: null, advice: buckets);
    }

    /// <param name="errorType">The type of the exception that ended the turn, or null when it ended normally.</param>
    public void TurnTaken(TimeSpan duration, string activityType, string? invokeName, string channel, string? errorType)
    {
        if (_turn.Enabled)
        {
            var tags = new TagList
            {
                { TelemetryAttributes.ActivityType, activityType },
                { TelemetryAttributes.Channel, channel },
            };
            if (invokeName is not null)
            {
                tags.Add(TelemetryAttributes.InvokeName, invokeName);
            }

            if (errorType is not null)
            {
                tags.Add(TelemetryAttributes.ErrorType, errorType);
            }

            _turn.Record(duration.TotalSeconds, tags);
        }

        if (invokeName == TelemetryValues.ComposeExtensionQuery && _messageExtension.Enabled)
        {
            var tags = new TagList { { TelemetryAttributes.Channel, channel } };
            if (errorType is not null)
            {
                tags.Add(TelemetryAttributes.ErrorType, errorType);
            }

            _messageExtension.Record(duration.TotalSeconds, tags);
        }
    }
}
