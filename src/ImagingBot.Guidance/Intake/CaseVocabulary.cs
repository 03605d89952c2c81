using System.Collections.Frozen;

// The case reader's tests check properties of every term (no negated single sign answers "no"), so they read the vocabulary.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("ImagingBot.Guidance.Tests")]

namespace ImagingBot.Guidance;

/// <summary>
/// The words clinicians use in a one-line case: the signs of each question, the phrases that negate a whole question,
/// and the small word lists the reader needs to tell negation, lists, time and plans apart. Lookups take the words of
/// the text as spans, so reading a case allocates no string per word.
/// </summary>
internal static class CaseVocabulary
{
    /// <summary>Every term, grouped by its first word, longest phrase first so the most specific reading wins.</summary>
    public static FrozenDictionary<string, CaseTerm[]>.AlternateLookup<ReadOnlySpan<char>> TermsByFirstWord { get; } =
        BuildTerms().GroupBy(t => t.Words[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(t => t.Words.Length).ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every term, for tests that check a property of the whole vocabulary.</summary>
    public static IReadOnlyList<CaseTerm> AllTerms { get; } = BuildTerms();

    /// <summary>Words that negate the rest of their comma item.</summary>
    public static string[][] NegationCues { get; } =
    [
        ["no"], ["not"], ["denies"], ["denied"], ["denying"], ["deny"], ["without"], ["w/o"], ["negative", "for"],
        ["absence", "of"], ["free", "of"], ["never"], ["nor"], ["neither"], ["neg", "for"], ["nil"],
    ];

    /// <summary>Words after a term that negate it: "HIV negative", "steroids: none".</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PostfixNegations { get; } =
        Set("negative", "neg", "none", "absent", "denied", "nil", "excluded");

    /// <summary>After "not", a postfix negation: "weight loss not present", "fever not reported".</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotFoundWords { get; } =
        Set("present", "reported", "noted", "seen", "found", "elicited");

    /// <summary>Just before a cancer, whose it is when it is not the patient's: "mother had breast cancer", "FHx of colon ca".</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Relatives { get; } = Set(
        "family", "fhx", "fh", "familial", "mother", "father", "mom", "mum", "dad", "parent", "parents", "sister", "brother",
        "sibling", "siblings", "aunt", "uncle", "grandmother", "grandfather", "cousin", "son", "daughter");

    /// <summary>A word allowed between a term and its postfix negation: "HIV test negative".</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PostfixFillers { get; } =
        Set("test", "screen", "status", "serology", "result", "results");

    /// <summary>Words that start a new clause: no negation reaches past them ("no fever but weak legs").</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ClauseBreaks { get; } =
        Set("but", "however", "although", "though", "while", "whereas", "except", "apart", "aside", "besides");

    /// <summary>
    /// Words that say something is there. A comma item holding one is never part of a negated list ("no fever, new
    /// bladder dysfunction"), and after a negated term one ends the negation ("no fever and has a cancer history").
    /// </summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PositiveCues { get; } = Set(
        "new", "newly", "has", "have", "having", "had", "with", "w", "reports", "reported", "reporting", "positive",
        "complains", "complaining", "c/o", "presents", "presenting", "presented", "onset", "worsening", "worse",
        "worsened", "progressive", "progressing", "acute", "acutely", "sudden", "suddenly", "now", "recent",
        "recently", "history", "hx", "h/o", "known", "s/p", "status", "ongoing", "started", "since", "found",
        "noted", "developed", "develops", "developing", "on", "takes", "taking", "uses", "using", "user", "is", "was",
        "diagnosed", "dx", "today", "yesterday", "also", "plus", "but", "however", "although", "though", "while",
        "last", "ago", "fell", "slipped", "tripped", "injured", "crashed", "struck", "hit");

    /// <summary>Words that join the last item of a list: a negated list ends after the item that holds one.</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Conjunctions { get; } = Set("or", "nor", "and");

    /// <summary>Words not counted when judging whether a comma item is short enough to continue a negated list.</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ListFillers { get; } =
        Set("or", "nor", "and", "a", "an", "the", "any", "of", "to", "in", "at", "from", "for");

    /// <summary>Before an intervention, a plan rather than a past event: "referred for an injection".</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlanBefore { get; } = Set(
        "for", "referred", "referral", "refer", "referring", "candidate", "considering", "consider", "considered",
        "planned", "planning", "plan", "scheduled", "awaiting", "await", "pending", "wants", "wanting", "discuss",
        "discussing", "needs", "need", "possible", "potential", "upcoming", "booked", "listed", "request",
        "requesting", "requests", "toward", "towards");

    /// <summary>After an intervention, a plan rather than a past event: "surgical consult".</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlanAfter { get; } = Set(
        "consult", "consultation", "referral", "candidate", "evaluation", "eval", "planned", "scheduled", "pending",
        "recommended", "opinion", "discussion", "options", "considered", "offered");

    /// <summary>Before an intervention, a past event: these stop the search for a plan word.</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PastBefore { get; } = Set(
        "after", "s/p", "post", "status", "had", "underwent", "ago", "since", "prior", "previous", "previously",
        "recent", "recently", "history", "hx", "h/o", "last", "received", "got", "did", "done");

    /// <summary>What an age in years may be followed by at the start of an item: "45 M", "82 female".</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SexAfterAge { get; } =
        Set("m", "f", "male", "female", "man", "woman", "gentleman", "lady", "boy", "girl");

    /// <summary>What may come before an age that opens a case: "a 45M", "pt 82F".</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BeforeAge { get; } =
        Set("a", "an", "pt", "patient", "this", "our", "is", "was", "the");

    /// <summary>Durations counted in days per unit ("m" is left out: "3m" is more often an age than months).</summary>
    public static FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> DaysPerUnit { get; } =
        new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["day"] = 1,
            ["days"] = 1,
            ["d"] = 1,
            ["dys"] = 1,
            ["week"] = 7,
            ["weeks"] = 7,
            ["wk"] = 7,
            ["wks"] = 7,
            ["w"] = 7,
            ["month"] = 30.4,
            ["months"] = 30.4,
            ["mo"] = 30.4,
            ["mos"] = 30.4,
            ["mth"] = 30.4,
            ["mths"] = 30.4,
            ["year"] = 365,
            ["years"] = 365,
            ["yr"] = 365,
            ["yrs"] = 365,
            ["y"] = 365,
        }.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Numbers written as words ("two weeks", "a month"); "few" and "several" count as three.</summary>
    public static FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> NumberWords { get; } =
        new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["a"] = 1,
            ["an"] = 1,
            ["one"] = 1,
            ["two"] = 2,
            ["three"] = 3,
            ["four"] = 4,
            ["five"] = 5,
            ["six"] = 6,
            ["seven"] = 7,
            ["eight"] = 8,
            ["nine"] = 9,
            ["ten"] = 10,
            ["eleven"] = 11,
            ["twelve"] = 12,
            ["few"] = 3,
            ["several"] = 3,
            ["couple"] = 2,
        }.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>After "N weeks after", what makes it time since an event rather than how long the pain has lasted.</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EventWords { get; } = Set(
        "surgery", "operation", "op", "procedure", "delivery", "birth", "childbirth", "diagnosis", "treatment",
        "radiation", "radiotherapy", "chemo", "chemotherapy", "transplant", "injection", "surgical");

    /// <summary>A fall from one of these is high-energy trauma (out of this topic).</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HeightWords { get; } = Set(
        "height", "heights", "ladder", "roof", "scaffold", "scaffolding", "balcony", "tree", "building", "window",
        "stories", "storeys", "story", "storey", "cliff", "bridge", "horse", "feet", "ft", "meters", "metres");

    /// <summary>A fall from one of these is low-velocity trauma, even if a height word follows ("standing height").</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LowFallWords { get; } =
        Set("standing", "own", "ground", "bed", "chair", "toilet", "sitting", "seated", "floor", "level");

    /// <summary>Around a steroid, a short or non-systemic course: not chronic steroid use.</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ShortSteroidWords { get; } = Set(
        "short", "brief", "burst", "taper", "tapering", "course", "inhaled", "inhaler", "topical", "nasal", "anabolic",
        "single", "stress", "pack", "dosepak", "cream");

    /// <summary>Near a bare "retention", the words that make it urinary retention (not fluid retention).</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> UrinaryWords { get; } = Set(
        "urinary", "urine", "bladder", "void", "voiding", "urination", "catheter", "catheterised", "catheterized",
        "pvr", "residual");

    /// <summary>Before "pt", the words that make it physical therapy rather than the patient.</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TherapyBeforePt { get; } =
        Set("of", "failed", "despite", "with", "after", "outpatient", "completed", "course", "trial", "and");

    /// <summary>Before a child word, the words that make it someone else's child ("her child", "lifting a child").</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OthersChildBefore { get; } = Set(
        "her", "his", "their", "my", "our", "has", "have", "mother", "father", "parent", "cares", "caring", "carer",
        "lifting", "carrying", "holding", "picking", "no");

    /// <summary>After a child word, the words that make it something else ("childcare", "child birth").</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ChildCompoundAfter { get; } =
        Set("care", "birth", "bearing", "minding", "hood", "seat", "proof");

    /// <summary>After "no MRI", words that say it was not done yet rather than not possible.</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotDoneYet { get; } = Set(
        "yet", "done", "performed", "so", "previously", "before", "prior", "ordered", "scheduled", "contraindication",
        "contraindications", "available", "imaging", "findings", "results", "report");

    /// <summary>Words that open a question rather than a case ("can a normal CRP rule out infection?").</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> QuestionStarts { get; } = Set(
        "what", "why", "how", "when", "which", "who", "where", "can", "could", "should", "is", "are", "does", "do",
        "will", "would", "must");

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(params string[] words) =>
        words.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static List<CaseTerm> BuildTerms()
    {
        var terms = new List<CaseTerm>();
        CaudaEquina(terms);
        Sepsis(terms);
        Infection(terms);
        Cancer(terms);
        Immunosuppression(terms);
        PriorSurgery(terms);
        Trauma(terms);
        Patient(terms);
        Contraindications(terms);
        Course(terms);
        NotSigns(terms);
        return terms;
    }

    private static void Add(List<CaseTerm> terms, CaseSign sign, string present, string absent, params string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            terms.Add(new CaseTerm(phrase, sign, present, absent));
        }
    }

    private static void Cauda(List<CaseTerm> terms, string name, params string[] phrases) =>
        Add(terms, CaseSign.CaudaEquina, $"{name} (cauda equina sign)", name is "cannot void" ? "no difficulty voiding" : $"no {name}", phrases);

    private static void CaudaEquina(List<CaseTerm> terms)
    {
        Cauda(terms, "urinary retention", "urinary retention", "acute urinary retention", "retention of urine", "urine retention", "bladder retention", "retaining urine");
        terms.Add(new CaseTerm("retention", CaseSign.CaudaEquina, "urinary retention (cauda equina sign)", "no urinary retention"));

        string[] cannot = ["cant", "cannot", "can not", "unable to", "not able to", "inability to", "not", "has not", "hasnt", "havent", "didnt", "did not", "could not", "couldnt"];
        string[] difficulty = ["difficulty", "difficulty with", "trouble", "trouble with", "problems"];
        string[] voiding = ["void", "voiding", "voided", "urinate", "urinating", "urinated", "pee", "peeing", "peed", "pass urine", "passing urine", "passed urine", "empty bladder", "empty her bladder", "empty his bladder", "empty the bladder", "emptying bladder", "emptying her bladder", "emptying his bladder", "urination", "starting urination", "initiating urination", "starting to urinate", "starting to pee", "pass water", "passing water"];
        Cauda(terms, "cannot void", [.. cannot.SelectMany(c => voiding.Select(v => $"{c} {v}"))]);
        Cauda(terms, "difficulty voiding", [.. difficulty.SelectMany(c => voiding.Select(v => $"{c} {v}"))]);

        Cauda(terms, "overflow incontinence", "overflow incontinence");
        Cauda(terms, "urinary incontinence", "urinary incontinence", "bladder incontinence", "incontinence of urine", "incontinent of urine");
        Cauda(terms, "fecal incontinence", "fecal incontinence", "faecal incontinence", "bowel incontinence", "stool incontinence", "incontinence of stool", "incontinence of feces", "incontinence of faeces", "incontinent of stool");
        Cauda(terms, "incontinence", "incontinence", "incontinent");

        string[] both = ["bladder or bowel", "bowel or bladder", "bladder and bowel", "bowel and bladder", "bladder bowel", "bowel bladder", "bladder and or bowel", "bowel and or bladder", "sphincter"];
        string[] dysfunction = ["dysfunction", "disturbance", "disturbances", "involvement", "symptoms", "problems", "changes", "incontinence"];
        Cauda(terms, "bladder or bowel dysfunction", [.. both.SelectMany(b => dysfunction.Select(d => $"{b} {d}"))]);
        Cauda(terms, "bladder dysfunction", "bladder dysfunction", "bladder disturbance", "bladder involvement", "bladder symptoms", "bladder problems", "urinary dysfunction", "neurogenic bladder");
        Cauda(terms, "bowel dysfunction", "bowel dysfunction", "bowel disturbance", "bowel involvement");

        string[] numb = ["anesthesia", "anaesthesia", "numbness", "paresthesia", "paraesthesia", "paresthesias", "paraesthesias", "hypoesthesia", "hypoaesthesia", "sensory loss", "sensory change", "sensory changes", "numb", "tingling"];
        string[] reverseNumb = ["numbness", "numb", "reduced sensation", "decreased sensation", "altered sensation", "loss of sensation", "sensory loss", "tingling", "paresthesia", "paraesthesia", "anesthesia", "anaesthesia"];
        string[] connectors = ["in the", "in", "of the", "over the", "around the", "to the"];
        foreach (var (regions, name) in new (string[] Regions, string Name)[]
        {
            (["saddle", "saddle area", "saddle region", "saddle distribution"], "saddle anesthesia"),
            (["perineal", "perianal", "perineum", "perineal area", "perianal area", "anus", "anal", "anal area"], "perineal numbness"),
            (["groin", "genital", "genitals", "groin area"], "groin numbness"),
        })
        {
            Cauda(terms, name, [.. regions.SelectMany(r => numb.Select(n => $"{r} {n}"))]);
            Cauda(terms, name, [.. reverseNumb.SelectMany(n => connectors.SelectMany(c => regions.Select(r => $"{n} {c} {r}")))]);
        }

        // How patients describe saddle numbness: the toilet paper not felt when wiping.
        string[] wiping = ["feel toilet paper", "feel the toilet paper", "feel the paper when wiping", "feel wiping", "feel herself wiping", "feel himself wiping", "feel themselves wiping"];
        Cauda(terms, "saddle anesthesia", [.. cannot.SelectMany(c => wiping.Select(w => $"{c} {w}")), "numb when wiping", "numbness when wiping"]);

        Cauda(terms, "bilateral sciatica", "bilateral sciatica", "bilateral radiculopathy", "bilateral radicular pain", "bilateral radicular symptoms", "bilateral leg pain", "bilateral leg numbness", "bilateral lower extremity pain", "bilateral lower extremity numbness", "bilateral lower limb pain", "bilateral lower limb numbness", "b/l sciatica", "b/l leg pain", "sciatica in both legs", "sciatica down both legs", "sciatica both legs", "pain in both legs", "pain down both legs", "pain into both legs", "pain radiating to both legs", "pain radiating down both legs", "both legs");
        Cauda(terms, "bilateral leg weakness", "bilateral leg weakness", "bilateral lower extremity weakness", "bilateral lower limb weakness", "b/l leg weakness");
        Cauda(terms, "progressive weakness", "progressive weakness", "progressive leg weakness", "progressive neurologic deficit", "progressive neurological deficit", "progressive numbness");
        Cauda(terms, "leg weakness", "leg weakness", "weak legs", "weak leg", "legs weak", "lower extremity weakness", "lower limb weakness", "motor weakness", "motor deficit", "motor deficits", "paraparesis", "paraplegia");
        Cauda(terms, "weakness", "weakness");
        Cauda(terms, "foot drop", "foot drop", "footdrop", "drop foot");
        Cauda(terms, "neurologic deficit", "neurologic deficit", "neurologic deficits", "neurological deficit", "neurological deficits", "neuro deficit", "neuro deficits", "focal deficit", "focal deficits", "focal neurologic deficit", "focal neurologic deficits", "focal neurological deficit", "focal neurological deficits");
        Cauda(terms, "suspected cauda equina syndrome", "cauda equina", "cauda equina syndrome", "ces", "conus", "conus medullaris", "conus syndrome");

        string[] lowTone = ["loss of", "decreased", "reduced", "lax", "poor", "absent", "diminished", "weak", "low", "no"];
        string[] tone = ["rectal tone", "anal tone", "sphincter tone"];
        Cauda(terms, "decreased rectal tone", [.. lowTone.SelectMany(l => tone.Select(t => $"{l} {t}"))]);
        string[] toneAfter = ["decreased", "reduced", "absent", "lax", "diminished", "poor", "weak"];
        Cauda(terms, "decreased rectal tone", [.. tone.SelectMany(t => toneAfter.Select(l => $"{t} {l}"))]);

        // Stated absences: recorded for the confirmation, never an answer (the emergency screen is never "no" from text).
        foreach (var phrase in new[]
        {
            "neurologically intact", "neuro intact", "neurovascularly intact", "normal neuro exam", "normal neurologic exam",
            "normal neurological exam", "strength intact", "full strength", "continent", "normal rectal tone",
            "rectal tone normal", "rectal tone intact",
        })
        {
            terms.Add(new CaseTerm(phrase, CaseSign.CaudaEquina, "neurologic deficit (cauda equina sign)", phrase, StatesAbsence: true));
        }
    }

    private static void Sepsis(List<CaseTerm> terms)
    {
        Add(terms, CaseSign.Sepsis, "sepsis", "no sepsis", "sepsis", "septic", "septic shock", "septicemia", "septicaemia", "urosepsis");
        Add(terms, CaseSign.Sepsis, "suspected epidural abscess", "no epidural abscess", "epidural abscess", "spinal epidural abscess", "spinal abscess");

        Add(terms, CaseSign.Fever, "fever", "no fever (does not rule out infection)", "fever", "fevers", "febrile", "pyrexia", "pyrexial", "pyrexic", "high temperature", "high temperatures", "raised temperature", "elevated temperature", "running a temperature", "spiking temperatures", "low grade fever", "low grade fevers", "subjective fever", "subjective fevers");
        foreach (var phrase in new[] { "afebrile", "apyrexial", "nonfebrile", "non febrile" })
        {
            terms.Add(new CaseTerm(phrase, CaseSign.Fever, "fever", $"{phrase} (does not rule out infection)", StatesAbsence: true));
        }

        Add(terms, CaseSign.SepsisCompanion, "hypotension", "not hypotensive", "hypotensive", "hypotension", "low blood pressure", "low bp", "shock");
        Add(terms, CaseSign.SepsisCompanion, "tachycardia", "not tachycardic", "tachycardic", "tachycardia", "tachy");
        Add(terms, CaseSign.SepsisCompanion, "confusion", "not confused", "confused", "confusion", "altered mental status", "altered mentation", "ams", "delirious", "delirium", "disoriented", "obtunded");
        Add(terms, CaseSign.Rigors, "rigors", "no rigors", "rigors", "rigor", "shaking chills");
    }

    private static void Infection(List<CaseTerm> terms)
    {
        Add(terms, CaseSign.Infection, "chills", "no chills", "chills");
        Add(terms, CaseSign.Infection, "night sweats", "no night sweats", "night sweats", "sweats");
        Add(terms, CaseSign.Infection, "recent bacterial infection (urinary tract)", "no urinary tract infection", "uti", "utis", "urinary tract infection", "pyelonephritis", "pyelo", "cystitis");
        Add(terms, CaseSign.Infection, "recent bacterial infection (skin abscess)", "no skin abscess", "skin abscess", "abscess", "boil", "psoas abscess", "paraspinal abscess");
        Add(terms, CaseSign.Infection, "recent bacterial infection (skin)", "no skin infection", "cellulitis", "skin infection", "wound infection", "infected wound");
        Add(terms, CaseSign.Infection, "infected foot ulcer (recent bacterial infection)", "no infected ulcer", "infected foot ulcer", "infected diabetic foot ulcer", "infected ulcer", "diabetic foot infection");
        Add(terms, CaseSign.Infection, "recent bacterial infection", "no recent infection", "infected", "recent infection", "bacterial infection", "pneumonia", "septic arthritis", "mrsa", "tb", "tuberculosis");
        Add(terms, CaseSign.Infection, "osteomyelitis or discitis", "no osteomyelitis or discitis", "osteomyelitis", "vertebral osteomyelitis", "discitis", "diskitis", "spondylodiscitis");
        Add(terms, CaseSign.Infection, "bacteremia", "no bacteremia", "bacteremia", "bacteraemia", "positive blood cultures", "endocarditis");
        Add(terms, CaseSign.Infection, "intravenous drug use", "no intravenous drug use", "iv drug", "iv drugs", "ivdu", "ivda", "pwid", "injection drug", "injecting drug", "injects drugs", "intravenous drug", "heroin", "iv heroin");
        foreach (var phrase in new[] { "infection", "infections", "infectious symptoms", "signs of infection" })
        {
            terms.Add(new CaseTerm(phrase, CaseSign.Infection, "suspected infection", "no signs of infection", RulesOut: true));
        }

        foreach (var phrase in new[]
        {
            "epidural steroid injection", "epidural steroid injections", "epidural injection", "epidural injections", "epidural steroid",
            "epidural", "esi", "lumbar esi", "facet injection", "facet injections", "facet joint injection", "facet joint injections",
            "facet block", "medial branch block", "nerve root block", "selective nerve root block", "transforaminal injection",
            "spinal injection", "spine injection", "lumbar injection", "back injection", "sacroiliac injection", "si joint injection",
            "lumbar puncture", "spinal tap", "myelogram", "discogram", "kyphoplasty", "vertebroplasty", "spinal procedure",
            "spine procedure", "radiofrequency ablation", "rfa",
        })
        {
            terms.Add(new CaseTerm(phrase, CaseSign.SpinalProcedure, phrase, $"no {phrase}"));
        }

        Add(terms, CaseSign.InjectionNote, "injection (a recent spinal injection is an infection red flag)", "no injection", "injection", "injections", "steroid injection", "steroid injections", "cortisone injection", "cortisone shot");
    }

    private static void Cancer(List<CaseTerm> terms)
    {
        foreach (var phrase in new[] { "red flags", "red flag", "redflags", "red flag symptoms", "red flag signs", "red flag features" })
        {
            terms.Add(new CaseTerm(phrase, CaseSign.RedFlags, string.Empty, "no red flags (cancer, infection, immunosuppression)", RulesOut: true));
        }

        foreach (var phrase in new[]
        {
            "cancer", "cancers", "malignancy", "malignancies", "history of cancer", "cancer history", "carcinoma", "neoplasm",
            "neoplasia", "hx of ca", "h/o ca", "history of ca", "oncologic history",
        })
        {
            terms.Add(new CaseTerm(phrase, CaseSign.Cancer, "history of cancer", "no history of cancer", RulesOut: true));
        }

        Add(terms, CaseSign.Cancer, "metastatic cancer", "no metastases", "metastatic", "metastases", "metastasis", "mets", "metastatic disease");
        Add(terms, CaseSign.Cancer, "cancer in remission (still a cancer history)", "not in remission", "in remission", "remission");
        Add(terms, CaseSign.Cancer, "suspected tumour", "no tumour", "tumor", "tumour", "tumors", "tumours");
        foreach (var (phrases, name) in new (string[] Phrases, string Name)[]
        {
            (["lymphoma"], "lymphoma"), (["myeloma", "multiple myeloma", "plasmacytoma"], "myeloma"), (["leukemia", "leukaemia"], "leukemia"),
            (["melanoma"], "melanoma"), (["sarcoma"], "sarcoma"), (["chordoma"], "chordoma"), (["rcc"], "kidney"), (["nsclc", "sclc"], "lung"),
        })
        {
            Add(terms, CaseSign.Cancer, $"history of cancer ({name})", $"no {name}", phrases);
        }

        string[] cancerWords = ["cancer", "carcinoma", "ca", "malignancy", "tumor", "tumour", "cell carcinoma"];
        foreach (var site in new[]
        {
            "breast", "lung", "thyroid", "kidney", "renal", "prostate", "colon", "colorectal", "rectal", "bladder", "ovarian",
            "cervical", "pancreatic", "pancreas", "gastric", "stomach", "esophageal", "oesophageal", "skin", "liver", "uterine",
            "endometrial", "testicular", "head and neck", "brain",
        })
        {
            var name = site switch { "renal" => "kidney", "pancreas" => "pancreatic", "oesophageal" => "esophageal", _ => site };
            Add(terms, CaseSign.Cancer, $"history of cancer ({name})", $"no {name} cancer", [.. cancerWords.Select(c => $"{site} {c}"), $"cancer of the {site}"]);
        }

        Add(terms, CaseSign.Cancer, "unexplained weight loss", "no weight loss", "weight loss", "unexplained weight loss", "unintentional weight loss", "unintended weight loss", "lost weight", "losing weight");
        Add(terms, CaseSign.Cancer, "pain at night or at rest", "no night pain", "night pain", "pain at night", "worse at night", "nocturnal pain", "night time pain", "nighttime pain", "nocturnal", "from sleep", "wakes him", "wakes her", "waking him", "waking her", "woken", "wakes at night", "waking at night", "pain at rest", "rest pain", "worse at rest");
    }

    private static void Immunosuppression(List<CaseTerm> terms)
    {
        foreach (var phrase in new[] { "immunosuppressed", "immunosuppression", "immunocompromised", "immune compromised", "immunodeficient", "immunodeficiency", "immunocompromise" })
        {
            terms.Add(new CaseTerm(phrase, CaseSign.Immunosuppression, "immunosuppression", "not immunosuppressed", RulesOut: true));
        }

        foreach (var phrase in new[] { "immunocompetent", "immune competent" })
        {
            terms.Add(new CaseTerm(phrase, CaseSign.Immunosuppression, "immunosuppression", phrase, RulesOut: true, StatesAbsence: true));
        }

        Add(terms, CaseSign.Immunosuppression, "immunosuppressive medication", "no immunosuppressive medication", "immunosuppressive", "immunosuppressants", "immunosuppressant", "immunosuppressive therapy", "immunosuppressive drugs", "immunosuppressive medication", "immunosuppressive medications", "methotrexate", "tacrolimus", "cyclosporine", "ciclosporin", "mycophenolate", "azathioprine", "sirolimus", "biologics", "biologic", "tnf inhibitor", "anti tnf", "infliximab", "adalimumab", "etanercept", "rituximab");
        Add(terms, CaseSign.Immunosuppression, "immunosuppression (chemotherapy)", "not on chemotherapy", "chemotherapy", "chemo", "chemoradiation", "chemoradiotherapy");
        Add(terms, CaseSign.Immunosuppression, "immunosuppression (transplant recipient)", "no transplant", "transplant", "transplanted", "transplant recipient", "organ transplant", "kidney transplant", "renal transplant", "liver transplant", "heart transplant", "lung transplant", "bone marrow transplant", "stem cell transplant");
        Add(terms, CaseSign.Immunosuppression, "immunosuppression (HIV)", "HIV negative", "hiv", "aids", "hiv positive");
        Add(terms, CaseSign.Immunosuppression, "immunosuppression (advanced diabetes)", "no advanced diabetes", "advanced diabetes", "uncontrolled diabetes", "poorly controlled diabetes", "poorly controlled dm", "uncontrolled dm", "uncontrolled diabetic", "poorly controlled diabetic", "brittle diabetes", "advanced diabetic");
        Add(terms, CaseSign.DiabetesNote, "diabetes (immunosuppression only if advanced or poorly controlled)", "no diabetes", "diabetes", "diabetic", "dm", "t2dm", "t1dm", "dm2", "iddm", "niddm", "type 2 diabetes", "type 1 diabetes", "diabetes mellitus");

        Add(terms, CaseSign.ChronicSteroids, "chronic corticosteroids (immunosuppression and fracture risk)", "not on steroids", "steroids", "steroid", "corticosteroids", "corticosteroid", "prednisone", "prednisolone", "dexamethasone", "methylprednisolone", "hydrocortisone", "chronic steroids", "chronic steroid use", "chronic steroid", "chronic corticosteroids", "chronic corticosteroid use", "long term steroids", "long term steroid use", "long term prednisone", "long term corticosteroids", "chronic prednisone", "daily prednisone", "steroid use", "steroid dependent");
    }

    private static void PriorSurgery(List<CaseTerm> terms)
    {
        foreach (var phrase in new[] { "back surgery", "spine surgery", "spinal surgery", "lumbar surgery", "lumbar spine surgery", "back operation", "spinal operation", "spine operation", "lumbar spine operation" })
        {
            terms.Add(new CaseTerm(phrase, CaseSign.LumbarSurgery, "prior lumbar surgery", "no prior lumbar surgery", RulesOut: true));
        }

        foreach (var (phrases, name) in new (string[] Phrases, string Name)[]
        {
            (["fusion", "spinal fusion", "lumbar fusion", "spine fusion", "tlif", "plif", "alif", "xlif"], "fusion"),
            (["laminectomy", "laminotomy", "hemilaminectomy", "lumbar laminectomy"], "laminectomy"),
            (["discectomy", "diskectomy", "microdiscectomy", "microdiskectomy", "lumbar discectomy", "foraminotomy"], "discectomy"),
            (["decompression", "lumbar decompression", "spinal decompression", "decompressive surgery"], "decompression"),
            (["post op", "postop", "postoperative", "post operative", "post surgical", "postsurgical", "post surgery"], "post-operative"),
            (["hardware", "spinal hardware", "instrumentation", "pedicle screws", "disc replacement", "failed back surgery syndrome", "failed back syndrome"], "hardware"),
        })
        {
            Add(terms, CaseSign.LumbarSurgery, $"prior lumbar surgery ({name})", $"no {name}", phrases);
        }

        foreach (var phrase in new[] { "surgery", "surgeries", "operation", "operations", "surgical history", "operative history" })
        {
            terms.Add(new CaseTerm(phrase, CaseSign.Surgery, "surgery", "no prior lumbar surgery", RulesOut: true));
        }
    }

    private static void Trauma(List<CaseTerm> terms)
    {
        Add(terms, CaseSign.FractureRisk, "osteoporosis", "no osteoporosis", "osteoporosis", "osteoporotic", "fragility fracture", "fragility fractures");
        Add(terms, CaseSign.FractureRisk, "low-velocity trauma", "no low-velocity trauma", "low velocity trauma", "low velocity", "low energy trauma", "low energy", "minor trauma", "minor fall", "mechanical fall", "ground level fall", "trip and fall", "slip and fall");
        Add(terms, CaseSign.FractureRisk, "stumble (low-velocity trauma)", "no stumble", "stumble", "stumbled", "stumbling");
        Add(terms, CaseSign.FractureRisk, "slip (low-velocity trauma)", "no slip", "slipped", "slip", "slipping");
        Add(terms, CaseSign.FractureRisk, "trip (low-velocity trauma)", "no trip", "tripped", "tripping");
        Add(terms, CaseSign.FractureRisk, "twist (low-velocity trauma)", "no twist", "twist", "twisted", "twisting injury", "twisting movement");
        foreach (var phrase in new[] { "fall", "falls", "fell", "fallen", "falling" })
        {
            terms.Add(new CaseTerm(phrase, CaseSign.Fall, "fall (low-velocity trauma)", "no falls", RulesOut: true));
        }

        Add(terms, CaseSign.MajorTrauma, "high-energy trauma (vehicle)", "no vehicle collision", "motorcycle", "motorbike", "motor vehicle", "motor vehicle accident", "motor vehicle collision", "mvc", "mva", "rta", "rtc", "road traffic accident", "road traffic collision", "traffic accident", "car crash", "car accident", "crash", "collision", "rollover", "ejected", "pedestrian struck", "pedestrian hit", "pedestrian vs car", "hit by a car", "hit by car", "struck by a car", "struck by car", "struck by a vehicle", "struck by vehicle");
        Add(terms, CaseSign.MajorTrauma, "high-energy trauma", "no high-energy trauma", "high speed", "high energy", "high velocity", "high impact", "high mechanism", "major trauma", "polytrauma", "fall from height", "fall from a height");
        foreach (var phrase in new[] { "trauma", "injury", "injuries", "accident" })
        {
            terms.Add(new CaseTerm(phrase, CaseSign.Trauma, phrase == "trauma" ? "trauma (mechanism not stated)" : string.Empty, "no trauma", RulesOut: true));
        }
    }

    private static void Patient(List<CaseTerm> terms)
    {
        foreach (var phrase in new[] { "pregnant", "pregnancy", "gravid", "currently pregnant" })
        {
            terms.Add(new CaseTerm(phrase, CaseSign.Pregnancy, "pregnant", "not pregnant", RulesOut: true));
        }

        foreach (var phrase in new[] { "negative pregnancy test", "negative bhcg", "negative hcg" })
        {
            terms.Add(new CaseTerm(phrase, CaseSign.Pregnancy, "pregnant", "not pregnant", RulesOut: true, StatesAbsence: true));
        }

        Add(terms, CaseSign.Male, "male", "female", "male", "man", "gentleman");
        Add(terms, CaseSign.Female, "female", "male", "female", "woman", "lady");
        Add(terms, CaseSign.Child, "child (under 18)", "adult", "child", "boy", "girl", "teenager", "teen", "adolescent", "pediatric", "paediatric", "kid", "toddler", "infant", "schoolboy", "schoolgirl");
        Add(terms, CaseSign.Elderly, "elderly", "not elderly", "elderly", "geriatric", "older adult", "frail elderly");

        string[] backPain = ["back pain", "backpain", "lbp", "lumbago", "sciatica", "backache", "back ache", "lumbar pain", "low back", "lower back", "radiculopathy", "radicular pain", "back spasm", "lumbar back pain", "mechanical back pain", "low back pain", "lower back pain", "pain"];
        Add(terms, CaseSign.BackPain, "back pain", "no back pain", [.. backPain.Where(p => p != "pain")]);
        Add(terms, CaseSign.AcuteBackPain, "acute back pain", "no acute back pain", [.. backPain.Select(p => $"acute {p}"), "acute onset"]);
        Add(terms, CaseSign.ChronicBackPain, "chronic back pain", "no chronic back pain", [.. backPain.Select(p => $"chronic {p}"), .. backPain.Select(p => $"subacute {p}"), "acute on chronic", "chronic"]);
        Add(terms, CaseSign.PatientWord, "patient", "patient", "patient", "presents", "presenting", "presented", "complains", "complaining", "c/o", "y/o");
        Add(terms, CaseSign.Pt, "patient", "patient", "pt");
    }

    private static void Contraindications(List<CaseTerm> terms)
    {
        Add(terms, CaseSign.MriNotPossible, "MRI-unsafe pacemaker (MRI not possible)", "no MRI-unsafe pacemaker", "mri unsafe pacemaker", "mri incompatible pacemaker", "non conditional pacemaker", "nonconditional pacemaker", "non mri conditional pacemaker", "non mri compatible pacemaker", "unsafe pacemaker", "incompatible pacemaker", "legacy pacemaker", "mri unsafe device", "mri unsafe implant");
        Add(terms, CaseSign.MriNotPossible, "MRI not possible", "MRI possible", "mri unsafe", "mri incompatible", "mri contraindicated", "contraindication to mri", "contraindicated for mri", "cannot have mri", "cannot have an mri", "cant have mri", "cant have an mri", "can not have mri", "can not have an mri", "unable to have mri", "unable to have an mri", "unable to undergo mri", "cannot undergo mri", "mri not possible", "mri is not possible", "not mri compatible", "not mri conditional", "not mri safe", "non mri compatible");
        Add(terms, CaseSign.NoMri, "MRI not possible", "MRI possible", "no mri");

        // "can't do an MRI", "could not tolerate MRI" (a past MRI abandoned); "did not get an MRI" says nothing of whether one is possible.
        string[] mris = ["mri", "an mri", "the mri"];
        string[] cannotDo = ["cannot do", "cant do", "can not do", "unable to do", "cannot tolerate", "cant tolerate", "can not tolerate", "unable to tolerate", "could not tolerate", "couldnt tolerate", "did not tolerate", "didnt tolerate", "intolerant of"];
        Add(terms, CaseSign.MriNotPossible, "MRI not possible", "MRI possible", [.. cannotDo.SelectMany(c => mris.Select(m => $"{c} {m}"))]);
        Add(terms, CaseSign.ImplantNote, "pacemaker (check whether it is MRI-conditional)", "no pacemaker", "pacemaker", "ppm", "permanent pacemaker");
        Add(terms, CaseSign.ImplantNote, "implanted device (check whether it is MRI-conditional)", "no implanted device", "icd", "aicd", "defibrillator", "spinal cord stimulator", "cochlear implant", "neurostimulator", "implanted device");
        Add(terms, CaseSign.ImplantNote, "MRI-conditional pacemaker (scan under its conditions)", "no pacemaker", "mri conditional pacemaker", "mri compatible pacemaker", "mri safe pacemaker");

        string[] agents = ["gadolinium", "gad", "gado", "gadolinium contrast", "mri contrast", "gbca"];
        Add(terms, CaseSign.ContrastNotPossible, "gadolinium allergy (contrast not possible)", "no gadolinium allergy", [.. agents.SelectMany(a => new[]
        {
            $"{a} allergy", $"allergy to {a}", $"allergic to {a}", $"{a} reaction", $"reaction to {a}", $"prior reaction to {a}",
            $"anaphylaxis to {a}", $"{a} anaphylaxis", $"{a} contraindicated", $"cannot have {a}", $"cant have {a}",
        })]);
        Add(terms, CaseSign.ContrastAllergyNote, "contrast allergy (which agent? an iodinated contrast allergy does not rule out gadolinium)", "no contrast allergy", "contrast allergy", "allergic to contrast", "allergy to contrast", "iv contrast allergy", "iodinated contrast allergy", "iodine allergy", "reaction to contrast", "contrast reaction", "allergic to iv contrast", "allergy to iv contrast");

        Add(terms, CaseSign.SevereKidneyDisease, "dialysis (severe kidney disease)", "not on dialysis", "dialysis", "hemodialysis", "haemodialysis", "peritoneal dialysis");
        Add(terms, CaseSign.SevereKidneyDisease, "end-stage kidney disease (severe kidney disease)", "no end-stage kidney disease", "esrd", "eskd", "end stage renal", "end stage renal disease", "end stage kidney", "end stage kidney disease", "end stage renal failure");
        Add(terms, CaseSign.SevereKidneyDisease, "CKD stage 4 or 5 (severe kidney disease)", "no CKD stage 4 or 5", "ckd 4", "ckd 5", "ckd iv", "ckd v", "ckd stage 4", "ckd stage 5", "ckd stage iv", "ckd stage v", "stage 4 ckd", "stage 5 ckd", "stage iv ckd", "stage v ckd", "ckd 4b", "ckd 5d");
    }

    private static void Course(List<CaseTerm> terms)
    {
        Add(terms, CaseSign.FailureWord, string.Empty, string.Empty, "failed", "failure", "failing", "despite", "refractory", "not improving", "no improvement", "not improved", "no relief", "without improvement", "without relief", "with no improvement", "persistent", "persisting", "persists", "unresponsive", "did not help", "didnt help", "not helping", "no better", "failed to improve", "failure to improve", "not responding", "no response");
        Add(terms, CaseSign.ManagementWord, string.Empty, string.Empty, "physical therapy", "physiotherapy", "physio", "conservative therapy", "conservative management", "conservative treatment", "conservative care", "conservative measures", "conservative", "optimal management", "optimal medical management", "optimal medical therapy", "medical management", "medical therapy", "nsaids", "nsaid", "analgesics", "analgesia", "chiropractic", "chiropractor", "rehab", "rehabilitation", "home exercise program", "exercise program", "exercises", "pain medication", "pain medications", "pain meds", "muscle relaxants", "acupuncture");
        Add(terms, CaseSign.FailedManagement, "failed physical therapy", string.Empty, "failed pt", "failed physical therapy", "failed physiotherapy", "failed physio");
        Add(terms, CaseSign.FailedManagement, "failed conservative management", string.Empty, "failed conservative therapy", "failed conservative management", "failed conservative treatment", "failed conservative care", "failed conservative measures", "failed optimal medical management", "failed optimal management", "failed medical management", "failed nsaids", "failure of conservative management", "failure of conservative therapy", "failure to improve with conservative therapy", "failure to improve with conservative management");
        Add(terms, CaseSign.Intervention, "intervention", string.Empty, "intervention", "interventional", "procedure", "neurosurgery", "neurosurgical", "spine surgeon", "spinal surgeon", "neurosurgeon", "orthopedic spine", "surgical", "ablation", "nerve block", "block", "pain clinic", "pain management", "pain service", "pain specialist");
        Add(terms, CaseSign.InterventionCandidate, "surgery or intervention candidate", string.Empty, "surgical candidate", "surgery candidate", "intervention candidate", "interventional candidate", "operative candidate");
    }

    /// <summary>Phrases that contain a sign's word and are not that sign: read whole, so the shorter term never matches.</summary>
    private static void NotSigns(List<CaseTerm> terms) => Add(terms, CaseSign.Nothing, string.Empty, string.Empty,
        "fluid retention", "water retention", "salt retention", "sodium retention", "stress incontinence", "slipped disc",
        "slipped disk", "slip disc", "insulin injection", "insulin injections", "b12 injection", "b12 injections",
        "knee injection", "hip injection", "shoulder injection", "joint injection", "knee surgery", "hip surgery",
        "shoulder surgery", "cardiac surgery", "heart surgery", "abdominal surgery", "eye surgery", "cataract surgery",
        "bariatric surgery", "hand surgery", "foot surgery", "ankle surgery", "knee replacement", "hip replacement",
        "inhaled steroids", "inhaled steroid", "nasal steroids", "topical steroids", "steroid cream", "anabolic steroids",
        "postpartum", "weak pulse", "heart block", "chronic kidney disease", "chronic renal");
}
