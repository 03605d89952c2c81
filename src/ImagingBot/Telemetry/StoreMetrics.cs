using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ImagingBot.Telemetry;

/// <summary>The conversation store's calls and failures, and the waits for a conversation's lock.</summary>
public sealed class StoreMetrics
{
    public const string DurationName = "imagingbot.store.duration";
    public const string ErrorsName = "imagingbot.store.errors";
    public const string LockWaitName = "imagingbot.lock.wait.duration";

    public const string Read = "read";
    public const string Write = "write";
    public const string Delete = "delete";
    public const string Lock = "lock";

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _errors;
    private readonly Histogram<double> _lockWait;

    public StoreMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(ImagingBotTelemetry.MeterName);
        var buckets = new InstrumentAdvice<double> { HistogramBucketBoundaries = ImagingBotTelemetry.DurationBuckets };
        _duration = meter.CreateHistogram(DurationName, "s", "Time of one call to the Redis conversation store (a read, a write or a delete of a turn's keys).", tags: null, advice: buckets);
        _errors = meter.CreateCounter<long>(ErrorsName, "{error}", "Calls to the Redis conversation store, or to its lock, that failed because Redis could not be reached, timed out or refused.");
        _lockWait = meter.CreateHistogram(LockWaitName, "s", "Time a turn waited for its conversation's lock (one turn at a time per conversation), and whether it got it.", tags: null, advice: buckets);
    }

    /// <summary>The start of a timed store call (pass it to <see cref="Called"/>).</summary>
    public long Start() => _duration.Enabled ? Stopwatch.GetTimestamp() : 0;

    /// <summary>A store call ended; <paramref name="failure"/> is the store's own exception when it failed.</summary>
    public void Called(string operation, long started, Exception? failure = null)
    {
        if (started != 0)
        {
            var tags = new TagList { { TelemetryAttributes.StoreOperation, operation } };
            if (failure is not null)
            {
                tags.Add(TelemetryAttributes.ErrorType, TelemetryValues.ErrorType(failure));
            }

            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }

        if (failure is not null)
        {
            Failed(operation, failure);
        }
    }

    /// <summary>The store (or its lock) could not be reached; <paramref name="failure"/> is Redis' own exception.</summary>
    public void Failed(string operation, Exception failure) =>
        _errors.Add(1, new KeyValuePair<string, object?>(TelemetryAttributes.StoreOperation, operation), new KeyValuePair<string, object?>(TelemetryAttributes.ErrorType, TelemetryValues.ErrorType(failure)));

    /// <param name="result"><c>acquired</c>, <c>busy</c> (another turn kept it past the wait) or <c>store_unavailable</c>.</param>
    public void LockWaited(TimeSpan wait, string result)
    {
        if (_lockWait.Enabled)
        {
            _lockWait.Record(wait.TotalSeconds, new KeyValuePair<string, object?>(TelemetryAttributes.LockResult, result));
        }
    }
}
