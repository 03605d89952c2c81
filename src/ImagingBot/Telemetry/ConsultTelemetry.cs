using ImagingBot.Consult;
using ImagingBot.Turn;
using Microsoft.Bot.Schema;

namespace ImagingBot.Telemetry;

/// <summary>
/// What operations sees of one consult turn: a consult begun, advice given (metrics, the turn's span) and the audit
/// event of that advice. It reads the consult's state and replies, never the typed text.
/// </summary>
public sealed class ConsultTelemetry(ConsultMetrics metrics, RecommendationAudit audit)
{
    /// <summary>One turn of the consult, from the state it started with (<paramref name="before"/>) to its result.</summary>
    public void TurnTaken(Activity activity, ConsultState? before, ConsultTurn turn)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(turn);
        var channel = TelemetryValues.Channel(activity.ChannelId);
        if (turn.State is { } after && after.ConsultId != before?.ConsultId)
        {
            metrics.Started(channel, TenantAllowListMiddleware.TenantOf(activity), fromCase: turn.Replies.Any(reply => reply is ConfirmCase or GiveAdvice));
        }

        // Advice shown again for a consult that had already ended (a card's refresh, say) was given before.
        var ended = turn.State is { IsOpen: false } done && (before is null || before.IsOpen || before.ConsultId != done.ConsultId);
        foreach (var reply in turn.Replies)
        {
            if (ended && reply is GiveAdvice given)
            {
                AdviceGiven(given.ConsultId, channel, TenantAllowListMiddleware.TenantOf(activity), given.Advice, turn.State?.Answers ?? new());
            }
        }
    }

    /// <summary>Advice given by any front end (the chat, or CDS Hooks with <see cref="TelemetryValues.CdsHooksChannel"/>).</summary>
    public void AdviceGiven(string consultId, string channel, string? tenantId, Guidance.Advice advice, Guidance.ClinicalAnswers answers)
    {
        metrics.Finished(advice, channel, tenantId);
        audit.AdviceGiven(consultId, channel, advice, answers);
        if (System.Diagnostics.Activity.Current is { IsAllDataRequested: true } span && span.Source == ImagingBotTelemetry.Source)
        {
            var tags = default(System.Diagnostics.TagList);
            ConsultMetrics.AddOutcome(ref tags, advice);
            foreach (var tag in tags)
            {
                span.SetTag(tag.Key, tag.Value);
            }
        }
    }
}
