namespace ImagingBot.Guidance;

/// <summary>When a piece of guidance (escalation, pitfall, next step, related FAQ) applies.</summary>
public enum GuidanceCondition
{
    Always,
    RedFlagWorkup,
    CaudaEquina,
    NoRedFlags,
    SuspectedCancer,
    SuspectedInfection,
    Immunosuppression,
    NeurologicDeficits,
    MriNotPossible,
    ContrastNotPossible,
}
