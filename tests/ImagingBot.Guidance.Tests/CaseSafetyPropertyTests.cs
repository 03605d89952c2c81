namespace ImagingBot.Guidance.Tests;

/// <summary>
/// The case reader's safety properties over its whole vocabulary and over generated lines: a negated single sign never
/// answers a question "no", the emergency screen is never "no" from text, and a stated sign beats a stated absence.
/// </summary>
public class CaseSafetyPropertyTests
{
    /// <summary>Every way clinicians negate a sign, before, after, inside a list and after a colon.</summary>
    private static readonly string[] Negations =
    [
        "no {0}", "denies {0}", "denied {0}", "without {0}", "w/o {0}", "negative for {0}", "not {0}", "never {0}",
        "free of {0}", "absence of {0}", "{0} negative", "{0}-", "{0}: none", "neither fever nor {0}",
        "denies fever, {0}", "denies chills, night sweats, {0} or weight loss", "no fever, no {0}, no chills",
        "45F, acute LBP, no {0}",
    ];

    private static readonly string[] Statements = ["{0}", "new {0}", "45M with {0}", "LBP, {0}", "{0} since yesterday"];

    /// <summary>Single signs in clinic wording, beside the vocabulary's own phrases, for readers of this test.</summary>
    private static readonly string[] SingleSigns =
    [
        "fever", "fevers", "chills", "rigors", "night sweats", "weight loss", "night pain", "weakness", "leg weakness",
        "saddle anesthesia", "urinary retention", "incontinence", "bladder dysfunction", "foot drop", "UTI", "IV drug use",
        "IVDU", "steroids", "chronic steroids", "prednisone", "chemo", "chemotherapy", "HIV", "transplant", "diabetes",
        "osteoporosis", "fusion", "laminectomy", "epidural injection", "MVC", "hypotension",
        "tachycardia", "confusion", "sepsis", "epidural abscess", "breast cancer", "metastases", "lymphoma", "pacemaker",
        "dialysis", "cellulitis", "bacteremia", "bilateral sciatica", "perineal numbness", "rectal tone",
    ];

    [Fact]
    public void No_negated_single_sign_answers_any_question_no()
    {
        var singleSigns = CaseVocabulary.AllTerms
            .Where(t => !t.RulesOut && !t.StatesAbsence)
            .Select(t => t.Phrase)
            .Concat(SingleSigns)
            .Distinct(StringComparer.Ordinal);

        var failures = (from sign in singleSigns
                        from negation in Negations
                        let line = string.Format(System.Globalization.CultureInfo.InvariantCulture, negation, sign)
                        let noes = AnsweredNo(CaseSummaryParser.Parse(line).Answers)
                        where noes.Count > 0
                        select $"'{line}' answered no: {string.Join(", ", noes)}").ToList();

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(40)));
    }

    [Fact]
    public void The_emergency_screen_is_never_answered_no_from_text_negated_or_not()
    {
        var emergencyTerms = CaseVocabulary.AllTerms
            .Where(t => t.Sign is CaseSign.CaudaEquina or CaseSign.Sepsis or CaseSign.Fever or CaseSign.SepsisCompanion or CaseSign.Rigors)
            .Select(t => t.Phrase);

        var failures = (from term in emergencyTerms
                        from form in Negations.Concat(Statements)
                        let line = string.Format(System.Globalization.CultureInfo.InvariantCulture, form, term)
                        let answers = CaseSummaryParser.Parse(line).Answers
                        where answers.CaudaEquinaSigns == false || answers.SepsisSigns == false
                        select line).ToList();

        Assert.Empty(failures);
    }

    [Fact]
    public void Every_stated_emergency_term_answers_the_emergency_screen_yes()
    {
        var failures = new List<string>();
        foreach (var term in CaseVocabulary.AllTerms.Where(t => !t.StatesAbsence && t.Sign is CaseSign.CaudaEquina or CaseSign.Sepsis))
        {
            // A bare "retention" is urinary only next to a urinary word.
            var phrase = term.Words is ["retention"] ? "urinary retention" : term.Phrase;
            foreach (var form in Statements)
            {
                var line = string.Format(System.Globalization.CultureInfo.InvariantCulture, form, phrase);
                var answers = CaseSummaryParser.Parse(line).Answers;
                var screened = term.Sign == CaseSign.CaudaEquina ? answers.CaudaEquinaSigns : answers.SepsisSigns;
                if (screened != true || !CaseSummaryParser.Parse(line).IsCase)
                {
                    failures.Add(line);
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(40)));
    }

    [Fact]
    public void Every_stated_term_answers_its_question_yes()
    {
        var failures = new List<string>();
        foreach (var term in CaseVocabulary.AllTerms.Where(t => !t.StatesAbsence && !(t.Words is ["retention"])))
        {
            var answers = CaseSummaryParser.Parse(term.Phrase).Answers;
            var answered = term.Sign switch
            {
                CaseSign.CaudaEquina => answers.CaudaEquinaSigns == true,
                CaseSign.Sepsis => answers.SepsisSigns == true && answers.SuspectedInfection == true,
                CaseSign.Fever or CaseSign.Rigors or CaseSign.Infection or CaseSign.SpinalProcedure => answers.SuspectedInfection == true,
                CaseSign.Cancer => answers.SuspectedCancer == true,
                CaseSign.Immunosuppression => answers.Immunosuppressed == true,

                // Chronic steroids belong to two variants: immunosuppression (7) and fracture risk (6).
                CaseSign.ChronicSteroids => answers.Immunosuppressed == true && answers.FractureRisk == true,
                CaseSign.LumbarSurgery => answers.PriorLumbarSurgery == true,
                CaseSign.FractureRisk or CaseSign.Fall => answers.FractureRisk == true && answers.MajorTrauma is null,
                CaseSign.MajorTrauma => answers.MajorTrauma == true && answers.FractureRisk is null,
                CaseSign.Pregnancy => answers.Pregnant == true,
                CaseSign.MriNotPossible or CaseSign.NoMri => answers.Contraindication == Contraindication.MriNotPossible,
                CaseSign.ContrastNotPossible => answers.Contraindication == Contraindication.ContrastNotPossible,
                CaseSign.SevereKidneyDisease => answers.Contraindication == Contraindication.SevereKidneyDisease,
                CaseSign.Child => answers.Age == AgeGroup.Child,
                CaseSign.Elderly => answers.Age == AgeGroup.Older,
                _ => true,
            };

            if (!answered)
            {
                failures.Add($"'{term.Phrase}' ({term.Sign}): {answers}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(40)));
    }

    [Fact]
    public void Generated_lists_of_negated_signs_never_answer_no_and_never_lose_a_stated_emergency_sign()
    {
        var random = new Random(14);
        string[] cues = ["no", "denies", "without", "negative for", "free of"];
        string[] joins = [", ", ", ", " or ", " and ", ", or ", ", nor "];
        for (var run = 0; run < 2000; run++)
        {
            var count = random.Next(1, 6);
            var parts = Enumerable.Range(0, count).Select(_ => SingleSigns[random.Next(SingleSigns.Length)]).ToArray();
            var line = $"{cues[random.Next(cues.Length)]} {parts[0]}";
            for (var k = 1; k < parts.Length; k++)
            {
                line += joins[random.Next(joins.Length)] + (random.Next(3) == 0 ? $"{cues[random.Next(cues.Length)]} " : string.Empty) + parts[k];
            }

            var negated = CaseSummaryParser.Parse(line).Answers;
            Assert.True(AnsweredNo(negated).Count == 0, $"'{line}' answered no: {string.Join(", ", AnsweredNo(negated))}");

            // The same list followed by a stated emergency sign: the sign is never lost to the list's negation.
            var withEmergency = CaseSummaryParser.Parse(line + ", new urinary retention").Answers;
            Assert.True(withEmergency.CaudaEquinaSigns == true, $"'{line}, new urinary retention' lost the cauda equina sign");
            var withSepsis = CaseSummaryParser.Parse(line + ". Febrile 39.1, BP 80/40").Answers;
            Assert.True(withSepsis.SepsisSigns == true, $"'{line}. Febrile 39.1, BP 80/40' lost the signs of sepsis");
        }
    }

    public static TheoryData<string, string, IntakeQuestionId> StatedBeatsAbsent() => new()
    {
        { "no cancer", "breast cancer in remission", IntakeQuestionId.SuspectedCancer },
        { "no history of cancer", "unexplained weight loss", IntakeQuestionId.SuspectedCancer },
        { "no signs of infection", "recent UTI", IntakeQuestionId.SuspectedInfection },
        { "no infection", "epidural injection last week", IntakeQuestionId.SuspectedInfection },
        { "not immunosuppressed", "on chemo", IntakeQuestionId.Immunosuppression },
        { "immunocompetent", "renal transplant", IntakeQuestionId.Immunosuppression },
        { "no red flags", "IVDU", IntakeQuestionId.SuspectedInfection },
        { "no prior back surgery", "s/p L4-5 fusion", IntakeQuestionId.PriorLumbarSurgery },
        { "no trauma", "MVC", IntakeQuestionId.MajorTrauma },
        { "no falls", "fell off a ladder", IntakeQuestionId.MajorTrauma },
        { "not pregnant", "pregnant", IntakeQuestionId.Pregnancy },
        { "45M", "pregnant", IntakeQuestionId.Pregnancy },
    };

    [Theory]
    [MemberData(nameof(StatedBeatsAbsent))]
    public void A_stated_sign_beats_a_stated_absence_anywhere_in_the_line(string absence, string statement, IntakeQuestionId question)
    {
        foreach (var line in new[] { $"{statement}, {absence}", $"{absence}. {statement}.", $"{absence}; {statement}", $"{absence} but {statement}", $"{absence}, now {statement}" })
        {
            Assert.True(CaseSummaryParser.Parse(line).Answers.Value(question) == ClinicalAnswers.Yes, $"'{line}' did not answer {question} yes");
        }
    }

    public static TheoryData<string, string> WholeQuestionNegations() => new()
    {
        { "no red flags", "cancer:no infection:no immune:no case" },
        { "no history of cancer", "cancer:no case" },
        { "no cancer", "cancer:no case" },
        { "no malignancy", "cancer:no case" },
        { "no signs of infection", "infection:no case" },
        { "no infection", "infection:no case" },
        { "not immunosuppressed", "immune:no case" },
        { "immunocompetent", "immune:no case" },
        { "no prior back surgery", "surgery:no case" },
        { "no prior spine surgery", "surgery:no case" },
        { "no prior lumbar surgery", "surgery:no case" },
        { "no trauma", "trauma:no case" },
        { "no injury", "trauma:no case" },
        { "no fall", "trauma:no case" },
        { "not pregnant", "pregnant:no case" },
        { "45M", "adult age=45 pregnant:no case" },
        { "male", "pregnant:no case" },
        { "man with LBP", "pregnant:no case" },
    };

    [Theory]
    [InlineData("no cancer, breast cancer in remission", IntakeQuestionId.SuspectedCancer)]
    [InlineData("no cancer, weight loss or night pain", IntakeQuestionId.SuspectedCancer)]
    [InlineData("no signs of infection, UTI", IntakeQuestionId.SuspectedInfection)]
    [InlineData("not immunosuppressed, chemo", IntakeQuestionId.Immunosuppression)]
    [InlineData("no trauma, MVC", IntakeQuestionId.MajorTrauma)]
    public void A_sign_negated_only_through_a_list_keeps_its_question_open(string line, IntakeQuestionId question)
    {
        // The list may be a list of negatives, or the writer may state the sign: either way the consult asks.
        Assert.Null(CaseSummaryParser.Parse(line).Answers.Value(question));
    }

    [Theory]
    [MemberData(nameof(WholeQuestionNegations))]
    public void Only_a_whole_question_negation_answers_no_and_only_its_own_question(string text, string expected)
    {
        Assert.Equal(CaseExpectation.Parse(expected), CaseExpectation.Of(CaseSummaryParser.Parse(text)));
    }

    private static List<string> AnsweredNo(ClinicalAnswers answers)
    {
        var noes = new List<string>();
        foreach (var question in Enum.GetValues<IntakeQuestionId>())
        {
            if (answers.Value(question) == ClinicalAnswers.No)
            {
                noes.Add(question.ToString());
            }
        }

        return noes;
    }
}
