using ImagingBot.CdsHooks.Feedback;
using ImagingBot.CdsHooks.Wire;
using ImagingBot.Telemetry;

namespace ImagingBot.CdsHooks;

/// <summary>
/// Answers an <c>order-select</c> or <c>order-sign</c> call: the orders asked about, one card each where the topic
/// applies, and the PAMA ratings as system actions. The cards issued are remembered (their variant only) so that
/// feedback on them can be counted by variant. Each piece of advice is counted and each card audited as the chat's
/// advice is (channel <see cref="TelemetryValues.CdsHooksChannel"/>), by log and metric only: nothing more is stored
/// or sent on the hook's path.
/// </summary>
public sealed class OrderHookService(FhirOrderReader orders, ImagingOrderAdvisor advisor, StoredCdsFeedbackCounts feedback, ConsultTelemetry telemetry, ConsultMetrics metrics)
{
    /// <summary>Why the request cannot be answered, in a sentence for the EHR's developers; null when it is well-formed.</summary>
    public static string? Problem(CdsHookRequest? request, string hook)
    {
        if (request is null)
        {
            return "The request body must be a CDS Hooks request: a JSON object.";
        }

        if (request.Hook != hook)
        {
            return $"This service answers the '{hook}' hook; the request's hook is '{request.Hook}'.";
        }

        if (string.IsNullOrWhiteSpace(request.HookInstance))
        {
            return "The request needs a 'hookInstance'.";
        }

        if (request.Context is not { } context)
        {
            return "The request needs a 'context'.";
        }

        if (string.IsNullOrWhiteSpace(context.PatientId))
        {
            return "The request's context needs a 'patientId'.";
        }

        if (context.DraftOrders is null)
        {
            return "The request's context needs 'draftOrders': a FHIR Bundle of the draft orders.";
        }

        return hook == CdsServiceCatalog.OrderSelect && context.Selections is null
            ? "An order-select request's context needs 'selections': the ids of the selected orders."
            : null;
    }

    public async Task<CdsHookResponse> AnswerAsync(CdsHookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var advice = new List<OrderAdvice>();
        foreach (var order in orders.Read(request, selectedOnly: request.Hook == CdsServiceCatalog.OrderSelect))
        {
            if (advisor.Advise(order) is not { } given)
            {
                continue;
            }

            if (given.ConsultId is { } consultId)
            {
                telemetry.AdviceGiven(consultId, TelemetryValues.CdsHooksChannel, tenantId: null, given.Advice, given.Answers);
                advice.Add(given);
            }
            else
            {
                // No criteria apply (a child, say): counted as the chat counts its out-of-scope answers, but with no
                // card there is no consult id for an order to carry, so nothing for an audit line to be joined to.
                metrics.Finished(given.Advice, TelemetryValues.CdsHooksChannel, tenantId: null);
            }
        }

        if (advice.Count == 0)
        {
            return CdsHookResponse.Empty;
        }

        await feedback.RememberIssuedAsync(advice, cancellationToken).ConfigureAwait(false);
        var actions = advice.Select(a => a.SystemAction).OfType<CdsAction>().ToList();
        return new CdsHookResponse([.. advice.Select(a => a.Card!)], actions.Count == 0 ? null : actions);
    }
}
