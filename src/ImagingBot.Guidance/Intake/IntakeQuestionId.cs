namespace ImagingBot.Guidance;

/// <summary>
/// The intake questions. The order they are asked in is the order of the guidance file's question tree, not this
/// enum's: the decision asks the first one there that can still change the answer.
/// </summary>
public enum IntakeQuestionId
{
    CaudaEquina,
    Sepsis,
    Age,
    MajorTrauma,
    SuspectedCancer,
    SuspectedInfection,
    Immunosuppression,
    PriorLumbarSurgery,
    FractureRisk,
    Course,
    Contraindication,
    Pregnancy,
}
