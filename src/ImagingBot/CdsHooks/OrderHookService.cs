using ImagingBot.CdsHooks.Feedback;
using ImagingBot.CdsHooks.Wire;

namespace ImagingBot.CdsHooks;

/// <summary>
/// Answers an <c>order-select</c> or <c>order-sign</c> call: the orders asked about, one card each where the topic
/// applies, and the PAMA ratings as system actions. The cards issued are remembered (their variant only) so that
/// feedback on them can be counted by variant.
/// </summary>
public sealed class OrderHookService(FhirOrderReader orders, ImagingOrderAdvisor advisor, StoredCdsFeedbackCounts feedback)
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
        var advice = orders.Read(request, selectedOnly: request.Hook == CdsServiceCatalog.OrderSelect)
            .Select(advisor.Advise)
            .OfType<OrderAdvice>()
            .ToList();
        if (advice.Count == 0)
        {
            return CdsHookResponse.Empty;
        }

        await feedback.RememberIssuedAsync(advice, cancellationToken).ConfigureAwait(false);
        var actions = advice.Select(a => a.SystemAction).OfType<CdsAction>().ToList();
        return new CdsHookResponse([.. advice.Select(a => a.Card)], actions.Count == 0 ? null : actions);
    }
}
