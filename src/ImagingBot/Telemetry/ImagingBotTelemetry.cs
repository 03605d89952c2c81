using System.Diagnostics;

namespace ImagingBot.Telemetry;

/// <summary>
/// The bot's own meter and trace source (every name and attribute: docs/operations.md). Every attribute value the bot
/// sets comes from a closed set (<see cref="TelemetryValues"/>) or is a keyed hash: never text a user typed, never a
/// user, conversation or tenant id.
/// </summary>
public static class ImagingBotTelemetry
{
    public const string MeterName = "ImagingBot";
    public const string ActivitySourceName = "ImagingBot";

    public static ActivitySource Source { get; } = new(ActivitySourceName);

    /// <summary>
    /// Histogram buckets in seconds, from a fast turn on the Memory store to Teams' own limit (15 s): the SDK's
    /// default buckets are meant for milliseconds.
    /// </summary>
    public static IReadOnlyList<double> DurationBuckets { get; } =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15];
}
