namespace ImagingBot.CdsHooks.Feedback;

/// <summary>
/// Reads the feedback tally from the store at start and then every <see cref="Interval"/>, so that
/// <see cref="StoredCdsFeedbackCounts.Latest"/> (what the metrics report) includes other instances' feedback and a
/// restarted instance's counts. It runs apart from any scrape: a slow or absent store only makes the counts older.
/// </summary>
public sealed partial class CdsFeedbackRefresh(StoredCdsFeedbackCounts counts, Telemetry.CdsFeedbackMetrics metrics, ILogger<CdsFeedbackRefresh> logger) : BackgroundService
{
    /// <summary>About a Prometheus scrape interval: a dashboard of override rates needs no fresher counts.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved with the service so that the observable counters exist from the start.
        _ = metrics;
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await counts.SnapshotAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The store's own metrics and logs tell what failed; the type is enough here (a message can echo input).
                LogNotRefreshed(logger, Telemetry.TelemetryValues.ErrorType(exception));
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "CDS Hooks feedback counts could not be read from the store: {ExceptionType}")]
    private static partial void LogNotRefreshed(ILogger logger, string exceptionType);
}
