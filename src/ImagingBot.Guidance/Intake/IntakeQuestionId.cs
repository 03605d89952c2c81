namespace ImagingBot.Guidance;

/// <summary>The intake questions, in the order the consult asks them.</summary>
public enum IntakeQuestionId
{
    SuspectedCancer,
    SuspectedInfection,
    Immunosuppression,
    NeurologicDeficits,
    Contraindication,
}
