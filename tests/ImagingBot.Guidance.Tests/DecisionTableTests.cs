namespace ImagingBot.Guidance.Tests;

/// <summary>
/// The decision over every combination of the answers, against an oracle written here from GUIDANCE-FACTS and the
/// issue's rules (not from the decision's code): the lead variant, urgency, first-line studies, what is shown when
/// MRI is not possible, what also applies, and that every category shown is the data file's and a sourced one.
/// </summary>
public class DecisionTableTests
{
    private const string Radiography = "radiography-lumbar";
    private const string MriWithoutAndWith = "mri-lumbar-without-and-with-contrast";
    private const string MriWithout = "mri-lumbar-without-contrast";
    private const string CtWith = "ct-lumbar-with-contrast";
    private const string CtWithout = "ct-lumbar-without-contrast";
    private const string CtMyelography = "ct-myelography-lumbar";

    /// <summary>Usually Appropriate studies per variant (GUIDANCE-FACTS), ranked first where a source ranks them (6, 7).</summary>
    private static readonly Dictionary<int, string[]> UsuallyAppropriate = new()
    {
        [1] = [],
        [2] = [],
        [3] = [MriWithout],
        [4] = [MriWithoutAndWith, MriWithout],
        [5] = [Radiography, MriWithoutAndWith, MriWithout],
        [6] = [Radiography, MriWithout, CtWithout],
        [7] = [MriWithoutAndWith, MriWithout],
    };

    /// <summary>The rated non-MRI studies to show when MRI cannot be done (the issue; V7 from the article's FAQ).</summary>
    private static readonly Dictionary<int, string[]> IfNoMri = new()
    {
        [1] = [],
        [2] = [],
        [3] = [CtWithout, CtMyelography],
        [4] = [CtMyelography, CtWithout],
        [5] = [Radiography],
        [6] = [Radiography, CtWithout],
        [7] = [CtWith, CtMyelography],
    };

    private static readonly Dictionary<int, HashSet<string>> FactsTable = DataProvenanceTests.SourcedCategories()
        .ToDictionary(row => (int)row[0], row => ((string[])row[1]).ToHashSet());

    private static readonly bool?[] YesNo = [false, true];

    /// <summary>Every complete set of answers a consult can reach by buttons, found by following NextQuestion down every option.</summary>
    public static TheoryData<string> EveryConsult() => [.. ConsultPaths()];

    private static List<string> ConsultPaths()
    {
        var rows = new List<string>();
        var pending = new Stack<ClinicalAnswers>([ClinicalAnswers.Empty]);
        while (pending.Count > 0)
        {
            var answers = pending.Pop();
            if (Shipped.Decision.NextQuestion(answers) is not { } question)
            {
                rows.Add(Answers.Format(answers));
                continue;
            }

            foreach (var option in question.Options.Reverse())
            {
                pending.Push(answers.With(question.Id, option.Value)!);
            }
        }

        return rows;
    }

    /// <summary>
    /// Every combination of every answer (as a one-line case can give them, in any mix): one row per emergency,
    /// scope and course answer, each row deciding all combinations of the rest.
    /// </summary>
    public static TheoryData<bool, bool, AgeGroup, bool, PainCourse> EveryCombination()
    {
        var rows = new TheoryData<bool, bool, AgeGroup, bool, PainCourse>();
        foreach (var caudaEquina in new[] { false, true })
        {
            foreach (var sepsis in new[] { false, true })
            {
                foreach (var age in Enum.GetValues<AgeGroup>())
                {
                    foreach (var trauma in new[] { false, true })
                    {
                        foreach (var course in Enum.GetValues<PainCourse>())
                        {
                            rows.Add(caudaEquina, sepsis, age, trauma, course);
                        }
                    }
                }
            }
        }

        return rows;
    }

    [Fact]
    public void The_tables_cover_every_path_and_every_combination()
    {
        var consults = ConsultPaths();

        Assert.Equal(72, EveryCombination().Count);
        Assert.Equal(consults.Count, consults.Distinct().Count());
        // Each variant, both out-of-scope reasons and both emergencies are reached by buttons.
        var advice = consults.Select(c => Shipped.Decision.Decide(Answers.Parse(c))).ToList();
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], advice.OfType<Recommendation>().Select(r => r.Variant).Distinct().Order());
        Assert.Equal(2, advice.OfType<OutOfScope>().Select(o => o.Reason).Distinct().Count());
        Assert.Contains(advice.OfType<Recommendation>(), r => r.Variant == 7 && r.Urgency == Urgency.Emergent);
    }

    [Theory]
    [MemberData(nameof(EveryConsult))]
    public void Every_consult_gets_the_advice_the_facts_demand(string consult)
    {
        Check(Answers.Parse(consult));
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Every_combination_of_answers_gets_the_advice_the_facts_demand(bool caudaEquina, bool sepsis, AgeGroup age, bool trauma, PainCourse course)
    {
        var decided = 0;
        foreach (var cancer in YesNo)
        {
            foreach (var infection in YesNo)
            {
                foreach (var immune in YesNo)
                {
                    foreach (var prior in YesNo)
                    {
                        foreach (var fracture in YesNo)
                        {
                            foreach (var contraindication in Enum.GetValues<Contraindication>())
                            {
                                foreach (var pregnant in YesNo)
                                {
                                    var answers = new ClinicalAnswers(caudaEquina, sepsis, age, trauma, cancer, infection, immune, prior, fracture, course, contraindication, pregnant);
                                    Assert.Null(Shipped.Decision.NextQuestion(answers));
                                    Check(answers);
                                    decided++;
                                }
                            }
                        }
                    }
                }
            }
        }

        Assert.Equal(256, decided);
    }

    [Theory]
    [MemberData(nameof(EveryConsult))]
    public void Every_consult_asks_in_the_files_order_and_nothing_after_an_emergency(string consult)
    {
        var complete = Answers.Parse(consult);
        var order = Shipped.Guidance.Questions.Select(q => q.Id).ToList();
        var answers = ClinicalAnswers.Empty;
        var asked = new List<IntakeQuestionId>();
        while (Shipped.Decision.NextQuestion(answers) is { } question)
        {
            Assert.False(answers.IsEmergency, $"'{question.Key}' was asked after an emergency sign");
            Assert.Throws<ArgumentException>(() => Shipped.Decision.Decide(answers));
            asked.Add(question.Id);
            answers = answers.With(question.Id, complete.Value(question.Id))!;
        }

        // A patient of 65 or older is not asked about pregnancy; every other answer is asked for.
        Assert.Equal(complete.Age == AgeGroup.Older ? complete with { Pregnant = null } : complete, answers);
        Assert.Equal(asked.OrderBy(order.IndexOf), asked);
        if (complete.IsEmergency)
        {
            // The emergency is never delayed: the screen's yes is the last thing asked.
            Assert.Equal(ClinicalAnswers.Yes, complete.Value(asked[^1]));
            Assert.True(Shipped.Guidance.Question(asked[^1]).IsEmergencyScreen);
        }

        var advice = Shipped.Decision.Decide(complete);
        var askedContraindication = asked.Contains(IntakeQuestionId.Contraindication);
        var askedPregnancy = asked.Contains(IntakeQuestionId.Pregnancy);
        if (advice is not Recommendation { Urgency: Urgency.Routine } routine)
        {
            Assert.False(askedContraindication || askedPregnancy);
            return;
        }

        // The contraindication only where an MRI is a first-line study a clinician would order (3, 5, 7; variant 6 leads with radiography).
        Assert.Equal(routine.Variant is 3 or 5 or 7, askedContraindication);
        var procedures = routine.FirstLine.Select(s => Shipped.Guidance.Procedure(s.Procedure.ProcedureId)).ToList();
        Assert.Equal(complete.Age != AgeGroup.Older && procedures.Any(p => p.UsesGadolinium || p.UsesIonizingRadiation), askedPregnancy);
    }

    [Fact]
    public void Variants_come_in_routing_order()
    {
        var everything = new ClinicalAnswers(true, true, AgeGroup.Older, false, true, true, true, true, true, PainCourse.AfterOptimalManagement);

        Assert.Equal([4, 7, 5, 6, 3], ImagingDecision.Variants(everything));
        Assert.Equal([6, 2], ImagingDecision.Variants(new ClinicalAnswers(Age: AgeGroup.Older, Course: PainCourse.SubacuteOrChronic)));
        Assert.Equal([7], ImagingDecision.Variants(new ClinicalAnswers(SepsisSigns: true)));
        Assert.Empty(ImagingDecision.Variants(ClinicalAnswers.Empty));
    }

    [Fact]
    public void Equal_answers_get_the_very_same_advice_and_different_answers_their_own()
    {
        var decision = new ImagingDecision(Shipped.Guidance);
        var answers = Answers.Routine(cancer: true) with { Contraindication = Contraindication.None, Pregnant = false };

        var first = decision.Decide(answers);

        Assert.Same(first, decision.Decide(answers with { }));
        Assert.NotSame(first, decision.Decide(answers with { Contraindication = Contraindication.MriNotPossible }));
    }

    [Fact]
    public void Advice_does_not_depend_on_what_was_decided_before()
    {
        var answers = ConsultPaths().Select(Answers.Parse).ToList();
        var warm = new ImagingDecision(Shipped.Guidance);
        foreach (var earlier in answers)
        {
            _ = warm.Decide(earlier);
        }

        foreach (var later in answers.AsEnumerable().Reverse())
        {
            // Compared as JSON: a record's lists compare by reference.
            Assert.Equal(Json(new ImagingDecision(Shipped.Guidance).Decide(later)), Json(warm.Decide(later)));
        }
    }

    /// <summary>Checks one complete set of answers against the oracle.</summary>
    private static void Check(ClinicalAnswers answers)
    {
        var advice = Shipped.Decision.Decide(answers);
        var emergent = answers.CaudaEquinaSigns == true || answers.SepsisSigns == true;
        Assert.Equal(Shipped.Guidance.Source, advice.Source);
        Assert.Equal(Shipped.Guidance.ContentVersion, advice.ContentVersion);

        var scope = answers.MajorTrauma == true ? OutOfScopeReason.MajorTrauma : answers.Age == AgeGroup.Child ? OutOfScopeReason.Child : (OutOfScopeReason?)null;
        if (scope is not null)
        {
            var outOfScope = Assert.IsType<OutOfScope>(advice);
            Assert.Equal(scope, outOfScope.Reason);
            Assert.Equal(emergent, outOfScope.Emergency);
            Assert.NotEmpty(outOfScope.Escalation);
            if (emergent)
            {
                Assert.Contains(outOfScope.Escalation, e => e.Contains("spine surgeon", StringComparison.Ordinal) && e.Contains("on-call radiologist", StringComparison.Ordinal));
            }

            return;
        }

        var recommendation = Assert.IsType<Recommendation>(advice);
        var established = Established(answers);
        var lead = established[0];
        var contraindication = answers.Contraindication ?? Contraindication.None;
        Assert.Equal(lead, recommendation.Variant);
        Assert.Equal(emergent ? Urgency.Emergent : Urgency.Routine, recommendation.Urgency);
        Assert.Equal(contraindication, recommendation.Contraindication);

        // First line: the Usually Appropriate studies possible under the contraindication, else the MRI-free list.
        var expected = FirstLine(lead, contraindication);
        var firstLine = recommendation.FirstLine.Select(s => s.Procedure.ProcedureId).ToList();
        Assert.Equal(expected, firstLine);
        Assert.All(recommendation.FirstLine, s => Assert.False(string.IsNullOrWhiteSpace(s.Answers)));
        Assert.Equal(lead is 6 or 7 && firstLine.Count > 1 && firstLine[0] == UsuallyAppropriate[lead][0], recommendation.RankingNote is not null);
        Assert.NotEqual("bone-scan-whole-body", recommendation.Recommended?.ProcedureId);

        // Every category shown is the data file's for its variant, and one the facts give.
        ShownAsInData(lead, recommendation.FirstLine.Select(s => s.Procedure));
        ShownAsInData(lead, recommendation.Alternatives.Select(a => a.Procedure));
        foreach (var also in recommendation.AlsoApplies)
        {
            ShownAsInData(also.Variant, also.FirstLine);
            Assert.Equal(FirstLine(also.Variant, contraindication), also.FirstLine.Select(p => p.ProcedureId));
        }

        Assert.All(recommendation.IfMriNotPossible, a => Assert.True(
            ShownIn(lead, a.Procedure) || (established.Contains(7) && ShownIn(7, a.Procedure)),
            $"{a.Procedure.ProcedureId} is shown with a category no established variant gives it"));

        // Alternatives: the rest of the lead's rated studies that are possible, best category first.
        var ranks = recommendation.Alternatives.Select(a => a.Procedure.Category).ToList();
        Assert.Equal(ranks.Order(), ranks);
        Assert.All(recommendation.Alternatives, a => Assert.False(string.IsNullOrWhiteSpace(a.WhyLower)));
        Assert.Equal(
            Shipped.Guidance.Variant(lead).Ratings.Count(r => Possible(r.Rated.ProcedureId, contraindication)),
            recommendation.Alternatives.Count + recommendation.FirstLine.Count);

        // When MRI cannot be done: shown at once on emergent advice, which asks no further question.
        var ifNoMri = !emergent || contraindication == Contraindication.MriNotPossible
            ? []
            : IfNoMri[lead].Concat(lead == 4 && established.Contains(7) ? IfNoMri[7] : []).Distinct().ToArray();
        Assert.Equal(ifNoMri, recommendation.IfMriNotPossible.Select(a => a.Procedure.ProcedureId));

        // Also applies: the other established variants that image (3 to 7), in routing order.
        Assert.Equal(established.Skip(1).Where(v => v >= 3), recommendation.AlsoApplies.Select(a => a.Variant));

        // Escalation and warnings.
        Assert.NotEmpty(recommendation.Escalation);
        Assert.NotEmpty(recommendation.WhyFirstLine);
        if (emergent)
        {
            Assert.Contains(recommendation.Escalation, e => e.Contains("spine surgeon", StringComparison.Ordinal) && e.Contains("on-call radiologist", StringComparison.Ordinal));
        }

        if (answers.SepsisSigns == true)
        {
            Assert.Contains(recommendation.Escalation, e => e.Contains("watchful waiting", StringComparison.Ordinal));
        }

        var shownIds = firstLine.Concat(recommendation.IfMriNotPossible.Select(a => a.Procedure.ProcedureId)).ToList();
        Assert.Equal(
            shownIds.Contains(CtWith),
            recommendation.Warnings.Any(w => w.Contains("iodinated contrast", StringComparison.Ordinal)));
        Assert.Equal(
            contraindication == Contraindication.SevereKidneyDisease && firstLine.Contains(MriWithoutAndWith),
            recommendation.Warnings.Any(w => w.Contains("National Kidney Foundation", StringComparison.Ordinal)));
        if (contraindication == Contraindication.ContrastNotPossible && lead is 4 or 7)
        {
            Assert.Contains(recommendation.Warnings, w => w.Contains("abscess", StringComparison.Ordinal));
        }

        if (answers.Pregnant == true && firstLine.Contains(MriWithoutAndWith))
        {
            Assert.Contains(recommendation.Warnings, w => w.Contains("gadolinium only when it is essential", StringComparison.Ordinal));
        }

        if (emergent && answers.Pregnant is null)
        {
            Assert.Contains(recommendation.Warnings, w => w.Contains("pregnant", StringComparison.Ordinal));
        }

        // The order line and the headline.
        if (firstLine.Count == 0)
        {
            Assert.Null(recommendation.OrderIndication);
            Assert.NotEmpty(recommendation.WhatWouldChange);
            Assert.Contains("No imaging", recommendation.Headline, StringComparison.Ordinal);
        }
        else
        {
            Assert.StartsWith((emergent ? "EMERGENT. " : string.Empty) + recommendation.Recommended!.Name + ". Indication: ", recommendation.OrderIndication, StringComparison.Ordinal);
            Assert.Contains(recommendation.Recommended.Name, recommendation.Headline, StringComparison.Ordinal);
            Assert.Contains(recommendation.Recommended.CategoryLabel, recommendation.Headline, StringComparison.Ordinal);
        }

        Assert.Equal(emergent, recommendation.Headline.Contains("Emergency", StringComparison.Ordinal));
        foreach (var label in Enum.GetValues<AppropriatenessCategory>().Select(Shipped.Guidance.LabelOf))
        {
            if (recommendation.Headline.Contains($"({label})", StringComparison.Ordinal))
            {
                Assert.Contains(recommendation.FirstLine, s => s.Procedure.CategoryLabel == label);
            }
        }

        Assert.Equal(Shipped.Guidance.Questions.Count(q => answers.IsAnswered(q.Id)), recommendation.Because.Count);
    }

    private static List<int> Established(ClinicalAnswers a)
    {
        var variants = new List<int>();
        if (a.CaudaEquinaSigns == true)
        {
            variants.Add(4);
        }

        if (a.SepsisSigns == true || a.SuspectedCancer == true || a.SuspectedInfection == true || a.Immunosuppressed == true)
        {
            variants.Add(7);
        }

        if (a.PriorLumbarSurgery == true)
        {
            variants.Add(5);
        }

        if (a.FractureRisk == true || a.Age == AgeGroup.Older)
        {
            variants.Add(6);
        }

        variants.AddRange(a.Course switch
        {
            PainCourse.AfterOptimalManagement => [3],
            PainCourse.SubacuteOrChronic => [2],
            PainCourse.Acute => [1],
            _ => [],
        });
        return variants;
    }

    private static string[] FirstLine(int variant, Contraindication contraindication)
    {
        var possible = UsuallyAppropriate[variant].Where(id => Possible(id, contraindication)).ToArray();
        return possible.Length == 0 && contraindication == Contraindication.MriNotPossible ? IfNoMri[variant] : possible;
    }

    private static bool Possible(string id, Contraindication contraindication) => contraindication switch
    {
        Contraindication.MriNotPossible => !id.StartsWith("mri-", StringComparison.Ordinal),
        Contraindication.ContrastNotPossible => id is not (MriWithoutAndWith or "mri-lumbar-with-contrast"),
        _ => true,
    };

    private static void ShownAsInData(int variant, IEnumerable<RatedProcedure> shown) =>
        Assert.All(shown, rated => Assert.True(ShownIn(variant, rated), $"{rated.ProcedureId} '{rated.CategoryLabel}' is not variant {variant}'s sourced category"));

    private static bool ShownIn(int variant, RatedProcedure rated) =>
        Shipped.Guidance.Variant(variant).RatingOf(rated.ProcedureId)?.Rated == rated
        && FactsTable[variant].Contains($"{rated.ProcedureId}={rated.CategoryLabel}")
        && rated.CategoryLabel == Shipped.Guidance.LabelOf(rated.Category)
        && rated.Radiation == Shipped.Guidance.Procedure(rated.ProcedureId).Radiation;

    private static string Json(Advice advice) => System.Text.Json.JsonSerializer.Serialize(advice, advice.GetType());
}
