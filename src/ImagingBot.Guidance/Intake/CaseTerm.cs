namespace ImagingBot.Guidance;

/// <summary>
/// A word or phrase of a one-line case and what it means. <paramref name="Present"/> and <paramref name="Absent"/> are
/// the finding's clinic wording when it is stated and when it is negated. <paramref name="RulesOut"/> marks the few
/// phrases that negate a whole question ("no cancer", "not immunosuppressed"): only those may answer "no"; a negated
/// single sign ("no fever") never does. <paramref name="StatesAbsence"/> marks a phrase that is itself a negation
/// ("afebrile", "immunocompetent").
/// </summary>
internal sealed record CaseTerm(string Phrase, CaseSign Sign, string Present, string Absent, bool RulesOut = false, bool StatesAbsence = false)
{
    public string[] Words { get; } = Phrase.Split(' ');
}

/// <summary>What a <see cref="CaseTerm"/> stands for; the parser turns each into answers and findings.</summary>
internal enum CaseSign
{
    /// <summary>Words that look like a sign and are not one ("fluid retention"): read so nothing shorter matches.</summary>
    Nothing,

    CaudaEquina,

    /// <summary>Sepsis, septic, a suspected epidural abscess: the sepsis screen and infection at once.</summary>
    Sepsis,
    Fever,

    /// <summary>Hypotension, tachycardia or confusion: a sign of sepsis only together with fever.</summary>
    SepsisCompanion,

    /// <summary>Rigors: an infection sign, and with fever a sign of sepsis.</summary>
    Rigors,
    Infection,

    /// <summary>A spinal injection or procedure: an infection red flag when it is in the past and recent.</summary>
    SpinalProcedure,

    /// <summary>An injection whose site is not said: worth a look, never an answer.</summary>
    InjectionNote,
    Cancer,
    Immunosuppression,

    /// <summary>Chronic corticosteroids: immunosuppression (variant 7) and fracture risk (variant 6).</summary>
    ChronicSteroids,

    /// <summary>Diabetes not said to be advanced or poorly controlled: recorded, not an answer.</summary>
    DiabetesNote,

    /// <summary>"Red flags": only its negation means something (cancer, infection and immunosuppression all no).</summary>
    RedFlags,
    LumbarSurgery,

    /// <summary>"Surgery" without a site: only its negation ("no prior surgery") or a plan ("referred for surgery") counts.</summary>
    Surgery,
    FractureRisk,

    /// <summary>A fall: low-velocity trauma, or high-energy trauma when it is from a height.</summary>
    Fall,
    MajorTrauma,

    /// <summary>"Trauma", "injury": the mechanism is not said; only the negation answers (no major trauma).</summary>
    Trauma,
    Pregnancy,
    Male,
    Female,
    Child,
    Elderly,
    BackPain,
    AcuteBackPain,
    ChronicBackPain,
    PatientWord,

    /// <summary>"pt": the patient, or physical therapy after "failed", "of", "despite".</summary>
    Pt,
    MriNotPossible,

    /// <summary>"No MRI": MRI not possible, unless it only says none was done yet.</summary>
    NoMri,

    /// <summary>A pacemaker or other implant not said to be MRI-unsafe: the clinician checks, the answer stays open.</summary>
    ImplantNote,
    ContrastNotPossible,

    /// <summary>A contrast allergy without the agent: iodinated contrast does not rule out gadolinium.</summary>
    ContrastAllergyNote,
    SevereKidneyDisease,

    /// <summary>"Failed", "despite", "not improving": with a management word, failed conservative management.</summary>
    FailureWord,

    /// <summary>Physical therapy, conservative or optimal medical management, NSAIDs.</summary>
    ManagementWord,

    /// <summary>"Failed physical therapy" and the like: both of the above in one phrase.</summary>
    FailedManagement,

    /// <summary>Surgery, an injection or another intervention, counted only when it is planned or considered.</summary>
    Intervention,

    /// <summary>"Surgical candidate": a candidate for surgery or an intervention (variant 3).</summary>
    InterventionCandidate,
}
