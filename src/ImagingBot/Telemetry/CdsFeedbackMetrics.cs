using System.Diagnostics.Metrics;
using ImagingBot.CdsHooks.Feedback;

namespace ImagingBot.Telemetry;

/// <summary>
/// What clinicians did with the CDS Hooks cards, for operations: accepted and overridden cards by ACR variant and
/// override reason, the counts in the configured store (shared by every instance). A scrape must never wait on the
/// store, so the callback reports <see cref="StoredCdsFeedbackCounts.Latest"/>, refreshed by this instance's own
/// feedback and by <see cref="CdsFeedbackRefresh"/>; every instance reports the same shared totals.
/// </summary>
public sealed class CdsFeedbackMetrics
{
    public const string FeedbackName = "imagingbot.cds_hooks.feedback";

    /// <summary>The variant attribute of feedback on a card the store no longer knows.</summary>
    public const string UnknownVariant = "unknown";

    public CdsFeedbackMetrics(IMeterFactory meterFactory, StoredCdsFeedbackCounts counts)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(counts);
        var meter = meterFactory.Create(ImagingBotTelemetry.MeterName);
        meter.CreateObservableCounter(FeedbackName, () => Measure(counts.Latest), "{card}",
            "CDS Hooks cards clinicians accepted or overrode, by ACR variant and override reason: all instances' feedback, as this instance last read it from the store.");
    }

    private static IEnumerable<Measurement<long>> Measure(CdsFeedbackSnapshot snapshot) =>
        snapshot.Counts.Select(count => new Measurement<long>(count.Count,
            new KeyValuePair<string, object?>(TelemetryAttributes.Variant, count.Variant is { } variant ? variant : UnknownVariant),
            new KeyValuePair<string, object?>(TelemetryAttributes.CdsHooksOutcome, count.Outcome),
            new KeyValuePair<string, object?>(TelemetryAttributes.CdsHooksOverrideReason, count.OverrideReason ?? TelemetryValues.None)));
}
