namespace ImagingBot.Guidance;

/// <summary>
/// The parts of a recommendation fixed by pathway and contraindication alone, worked out once when the decision is
/// built so that deciding is only picking texts.
/// </summary>
internal sealed record DecisionPlan(
    PathwayGuidance Pathway,
    PathwayChoice? Choice,
    RatedProcedure? Recommended,
    string RoutineHeadline,
    string EmergentHeadline,
    Alternative[] Alternatives);
