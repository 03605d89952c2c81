using System.Diagnostics;
using System.Diagnostics.Metrics;
using ImagingBot.Guidance;

namespace ImagingBot.Telemetry;

/// <summary>Consults begun and ended, by how they began and by the advice they ended with.</summary>
public sealed class ConsultMetrics
{
    public const string StartedName = "imagingbot.consults.started";
    public const string FinishedName = "imagingbot.consults.finished";

    private readonly Counter<long> _started;
    private readonly Counter<long> _finished;
    private readonly TenantHash _tenants;

    public ConsultMetrics(IMeterFactory meterFactory, TenantHash tenants)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(tenants);
        var meter = meterFactory.Create(ImagingBotTelemetry.MeterName);
        _started = meter.CreateCounter<long>(StartedName, "{consult}", "Consults begun: by the questions, or from a one-line case.");
        _finished = meter.CreateCounter<long>(FinishedName, "{consult}", "Advice given: a recommendation by variant and urgency, or an out-of-scope answer. A consult whose answers are changed gives advice again.");
        _tenants = tenants;
    }

    /// <param name="fromCase">True when the consult began with a one-line case, false when by the questions.</param>
    public void Started(string channel, string? tenantId, bool fromCase)
    {
        if (!_started.Enabled)
        {
            return;
        }

        var tags = Common(channel, tenantId);
        tags.Add(TelemetryAttributes.ConsultEntry, fromCase ? "case" : "questions");
        _started.Add(1, tags);
    }

    public void Finished(Advice advice, string channel, string? tenantId)
    {
        ArgumentNullException.ThrowIfNull(advice);
        if (!_finished.Enabled)
        {
            return;
        }

        var tags = Common(channel, tenantId);
        AddOutcome(ref tags, advice);
        _finished.Add(1, tags);
    }

    /// <summary>The advice's outcome, variant, urgency and out-of-scope reason, as on the metric (also used on spans).</summary>
    public static void AddOutcome(ref TagList tags, Advice advice)
    {
        ArgumentNullException.ThrowIfNull(advice);
        switch (advice)
        {
            case Recommendation recommendation:
                tags.Add(TelemetryAttributes.ConsultOutcome, "recommendation");
                tags.Add(TelemetryAttributes.Variant, recommendation.Variant);
                tags.Add(TelemetryAttributes.Urgency, Urgency(recommendation.Urgency == Guidance.Urgency.Emergent));
                break;
            case OutOfScope outOfScope:
                tags.Add(TelemetryAttributes.ConsultOutcome, "out_of_scope");
                tags.Add(TelemetryAttributes.OutOfScopeReason, Reason(outOfScope.Reason));
                tags.Add(TelemetryAttributes.Urgency, Urgency(outOfScope.Emergency));
                break;
        }
    }

    public static string Urgency(bool emergent) => emergent ? "emergent" : "routine";

    public static string Reason(OutOfScopeReason reason) => reason switch
    {
        OutOfScopeReason.Child => "child",
        OutOfScopeReason.MajorTrauma => "major_trauma",
        _ => TelemetryValues.Other,
    };

    private TagList Common(string channel, string? tenantId)
    {
        var tags = new TagList { { TelemetryAttributes.Channel, channel } };
        if (_tenants.Of(tenantId) is { } hash)
        {
            tags.Add(TelemetryAttributes.TenantHash, hash);
        }

        return tags;
    }
}
