namespace ImagingBot.Guidance;

/// <summary>The words clinicians use in a one-line case for each red flag and deficit, and for their absence.</summary>
internal static class CaseVocabulary
{
    private const IntakeQuestionId Cancer = IntakeQuestionId.SuspectedCancer;
    private const IntakeQuestionId Infection = IntakeQuestionId.SuspectedInfection;
    private const IntakeQuestionId Immune = IntakeQuestionId.Immunosuppression;
    private const IntakeQuestionId Deficit = IntakeQuestionId.NeurologicDeficits;

    /// <summary>Cancer sites named in "breast cancer" or "renal cell carcinoma", reported as "history of cancer (breast)".</summary>
    public static readonly string[] CancerSites =
    [
        "breast", "lung", "thyroid", "kidney", "renal", "prostate", "colon", "colorectal", "bladder", "ovarian",
        "cervical", "pancreatic", "gastric", "esophageal", "melanoma", "skin", "liver",
    ];

    public static readonly string[] CancerWords = ["cancer", "carcinoma", "ca", "malignancy", "tumor", "tumour"];

    /// <summary>Terms that say a finding is absent on their own.</summary>
    public static readonly CaseTerm[] AbsenceTerms =
    [
        new("afebrile", Infection, "fever", "no fever", true),
        new("neurologically intact", Deficit, "neurologic deficit", "no neurologic deficit", true),
        new("neuro intact", Deficit, "neurologic deficit", "no neurologic deficit", true),
        new("neurovascularly intact", Deficit, "neurologic deficit", "no neurologic deficit", true),
        new("normal neuro exam", Deficit, "neurologic deficit", "no neurologic deficit", true),
        new("normal neurologic exam", Deficit, "neurologic deficit", "no neurologic deficit", true),
        new("strength intact", Deficit, "neurologic deficit", "no neurologic deficit", true),
        new("immunocompetent", Immune, "immunosuppression", "not immunosuppressed", true),
    ];

    /// <summary>Terms whose presence is a finding, and whose negation ("no", "denies", "without") is its absence.</summary>
    public static readonly CaseTerm[] Terms =
    [
        new("history of cancer", Cancer, "history of cancer", "no history of cancer", true),
        new("malignancy", Cancer, "history of cancer", "no history of cancer", true),
        new("metastatic", Cancer, "metastatic cancer", "no history of cancer", true),
        new("metastases", Cancer, "metastatic cancer", "no history of cancer", true),
        new("mets", Cancer, "metastatic cancer", "no history of cancer", true),
        new("lymphoma", Cancer, "history of cancer (lymphoma)", "no history of cancer", true),
        new("myeloma", Cancer, "history of cancer (myeloma)", "no history of cancer", true),
        new("weight loss", Cancer, "unexplained weight loss", "no weight loss", false),
        new("lost weight", Cancer, "unexplained weight loss", "no weight loss", false),
        new("night pain", Cancer, "pain at night or at rest", "no night pain", false),
        new("pain at night", Cancer, "pain at night or at rest", "no night pain", false),
        new("worse at night", Cancer, "pain at night or at rest", "no night pain", false),
        new("from sleep", Cancer, "pain at night or at rest", "no night pain", false),
        new("nocturnal pain", Cancer, "pain at night or at rest", "no night pain", false),
        new("pain at rest", Cancer, "pain at night or at rest", "no rest pain", false),
        new("rest pain", Cancer, "pain at night or at rest", "no rest pain", false),
        new("failed conservative", Cancer, "no improvement with conservative therapy", "improving with conservative therapy", false),
        new("failure to improve", Cancer, "no improvement with conservative therapy", "improving with conservative therapy", false),
        new("not improving", Cancer, "no improvement with conservative therapy", "improving with conservative therapy", false),
        new("no improvement", Cancer, "no improvement with conservative therapy", "improving with conservative therapy", false),

        new("fevers", Infection, "fever", "no fever", true),
        new("fever", Infection, "fever", "no fever", true),
        new("febrile", Infection, "fever", "no fever", true),
        new("pyrexia", Infection, "fever", "no fever", true),
        new("chills", Infection, "chills", "no chills", false),
        new("rigors", Infection, "chills", "no chills", false),
        new("urinary tract infection", Infection, "recent bacterial infection (urinary tract)", "no recent infection", false),
        new("uti", Infection, "recent bacterial infection (urinary tract)", "no recent infection", false),
        new("skin abscess", Infection, "recent bacterial infection (skin abscess)", "no recent infection", false),
        new("cellulitis", Infection, "recent bacterial infection (skin)", "no recent infection", false),
        new("bacteremia", Infection, "recent bacterial infection (bacteremia)", "no recent infection", false),
        new("endocarditis", Infection, "recent bacterial infection (endocarditis)", "no recent infection", false),
        new("iv drug", Infection, "intravenous drug use", "no intravenous drug use", false),
        new("intravenous drug", Infection, "intravenous drug use", "no intravenous drug use", false),
        new("injection drug", Infection, "intravenous drug use", "no intravenous drug use", false),
        new("ivdu", Infection, "intravenous drug use", "no intravenous drug use", false),
        new("ivda", Infection, "intravenous drug use", "no intravenous drug use", false),
        new("pwid", Infection, "intravenous drug use", "no intravenous drug use", false),
        new("heroin", Infection, "intravenous drug use", "no intravenous drug use", false),
        new("spinal procedure", Infection, "recent spinal procedure", "no recent spinal procedure", false),
        new("spine procedure", Infection, "recent spinal procedure", "no recent spinal procedure", false),
        new("epidural injection", Infection, "recent spinal procedure", "no recent spinal procedure", false),
        new("spinal injection", Infection, "recent spinal procedure", "no recent spinal procedure", false),
        new("sepsis", Infection, "signs of sepsis", "no signs of sepsis", false),
        new("septic", Infection, "signs of sepsis", "no signs of sepsis", false),
        new("infection", Infection, "suspected infection", "no sign of infection", true),

        new("immunosuppressed", Immune, "immunosuppression", "not immunosuppressed", true),
        new("immunosuppression", Immune, "immunosuppression", "not immunosuppressed", true),
        new("immunocompromised", Immune, "immunosuppression", "not immunosuppressed", true),
        new("corticosteroids", Immune, "immunosuppression (chronic corticosteroids)", "no corticosteroids", false),
        new("steroids", Immune, "immunosuppression (chronic corticosteroids)", "no corticosteroids", false),
        new("prednisone", Immune, "immunosuppression (chronic corticosteroids)", "no corticosteroids", false),
        new("prednisolone", Immune, "immunosuppression (chronic corticosteroids)", "no corticosteroids", false),
        new("dexamethasone", Immune, "immunosuppression (chronic corticosteroids)", "no corticosteroids", false),
        new("chemotherapy", Immune, "immunosuppression (chemotherapy)", "no chemotherapy", false),
        new("chemo", Immune, "immunosuppression (chemotherapy)", "no chemotherapy", false),
        new("transplant", Immune, "immunosuppression (transplant recipient)", "no transplant", false),
        new("hiv", Immune, "immunosuppression (HIV)", "no HIV", false),
        new("aids", Immune, "immunosuppression (HIV)", "no HIV", false),
        new("advanced diabetes", Immune, "immunosuppression (advanced diabetes)", "no advanced diabetes", false),
        new("uncontrolled diabetes", Immune, "immunosuppression (advanced diabetes)", "no advanced diabetes", false),
        new("poorly controlled diabetes", Immune, "immunosuppression (advanced diabetes)", "no advanced diabetes", false),

        new("neurologic deficit", Deficit, "neurologic deficit", "no neurologic deficit", true),
        new("neurological deficit", Deficit, "neurologic deficit", "no neurologic deficit", true),
        new("neuro deficit", Deficit, "neurologic deficit", "no neurologic deficit", true),
        new("focal deficit", Deficit, "neurologic deficit", "no neurologic deficit", true),
        new("weakness", Deficit, "weakness", "no neurologic deficit", true),
        new("weak leg", Deficit, "weakness", "no neurologic deficit", true),
        new("foot drop", Deficit, "foot drop", "no foot drop", false),
        new("footdrop", Deficit, "foot drop", "no foot drop", false),
        new("saddle anesthesia", Deficit, "saddle anesthesia", "no saddle anesthesia", true),
        new("saddle anaesthesia", Deficit, "saddle anesthesia", "no saddle anesthesia", true),
        new("saddle numbness", Deficit, "saddle anesthesia", "no saddle anesthesia", true),
        new("urinary retention", Deficit, "urinary retention", "no urinary retention", false),
        new("retention", Deficit, "urinary retention", "no urinary retention", false),
        new("incontinence", Deficit, "incontinence", "no incontinence", false),
        new("incontinent", Deficit, "incontinence", "no incontinence", false),
        new("cauda equina", Deficit, "suspected cauda equina syndrome", "no sign of cauda equina syndrome", true),
    ];

    /// <summary>Words that negate what follows them in the same clause.</summary>
    public static readonly string[][] NegationCues =
    [
        ["no"], ["not"], ["denies"], ["denied"], ["denying"], ["without"], ["negative", "for"], ["absence", "of"],
        ["free", "of"], ["never"], ["nor"],
    ];
}
