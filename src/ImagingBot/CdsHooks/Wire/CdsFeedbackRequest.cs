namespace ImagingBot.CdsHooks.Wire;

/// <summary>The body of <c>POST /cds-services/{id}/feedback</c>: what the clinician did with each card.</summary>
public sealed record CdsFeedbackRequest(List<CdsFeedback?>? Feedback);
