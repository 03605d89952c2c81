namespace ImagingBot.Guidance.Tests;

public class DecisionTableTests
{
    private const string MriWithoutAndWith = "mri-lumbar-without-and-with-contrast";
    private const string MriWithout = "mri-lumbar-without-contrast";
    private const string CtWithContrast = "ct-lumbar-with-contrast";
    private const string CtMyelography = "ct-myelography-lumbar";

    /// <summary>
    /// Every combination of the four yes/no answers (16) times the three contraindication answers (48 rows), each
    /// with the pathway, urgency, first study and category the rules demand.
    /// </summary>
    public static TheoryData<bool, bool, bool, bool, Contraindication, Pathway, Urgency, string?, AppropriatenessCategory?> EveryCombination()
    {
        var rows = new TheoryData<bool, bool, bool, bool, Contraindication, Pathway, Urgency, string?, AppropriatenessCategory?>();
        foreach (var cancer in new[] { false, true })
        {
            foreach (var infection in new[] { false, true })
            {
                foreach (var immune in new[] { false, true })
                {
                    foreach (var deficits in new[] { false, true })
                    {
                        foreach (var contraindication in Enum.GetValues<Contraindication>())
                        {
                            var redFlag = cancer || infection || immune;
                            var pathway = redFlag ? Pathway.RedFlagWorkup : deficits ? Pathway.CaudaEquina : Pathway.NoRedFlags;
                            var urgency = deficits ? Urgency.Emergent : Urgency.Routine;
                            var (study, category) = (pathway, contraindication) switch
                            {
                                (Pathway.NoRedFlags, _) => ((string?)null, (AppropriatenessCategory?)null),
                                (Pathway.RedFlagWorkup, Contraindication.None) => (MriWithoutAndWith, AppropriatenessCategory.UsuallyAppropriate),
                                (Pathway.RedFlagWorkup, Contraindication.MriNotPossible) => (CtWithContrast, AppropriatenessCategory.MayBeAppropriate),
                                (Pathway.RedFlagWorkup, Contraindication.ContrastNotPossible) => (MriWithout, AppropriatenessCategory.UsuallyAppropriate),
                                (Pathway.CaudaEquina, Contraindication.None) => (MriWithoutAndWith, AppropriatenessCategory.UsuallyAppropriate),
                                (Pathway.CaudaEquina, Contraindication.MriNotPossible) => (CtMyelography, AppropriatenessCategory.MayBeAppropriate),
                                (Pathway.CaudaEquina, Contraindication.ContrastNotPossible) => (MriWithout, AppropriatenessCategory.UsuallyAppropriate),
                                _ => throw new InvalidOperationException("unreachable"),
                            };
                            rows.Add(cancer, infection, immune, deficits, contraindication, pathway, urgency, study, category);
                        }
                    }
                }
            }
        }

        return rows;
    }

    [Fact]
    public void The_table_has_every_combination() => Assert.Equal(48, EveryCombination().Count);

    [Fact]
    public void Equal_answers_get_the_very_same_recommendation_and_different_answers_their_own()
    {
        var decision = new ImagingDecision(Shipped.Guidance);
        var answers = new ClinicalAnswers(true, true, false, false, Contraindication.None);

        var first = decision.Decide(answers);

        Assert.Same(first, decision.Decide(answers with { }));
        Assert.NotSame(first, decision.Decide(answers with { Contraindication = Contraindication.MriNotPossible }));
    }

    [Fact]
    public void A_recommendation_does_not_depend_on_what_was_decided_before()
    {
        var answers = EveryCombination().Select(row => new ClinicalAnswers((bool)row[0], (bool)row[1], (bool)row[2], (bool)row[3], (Contraindication)row[4])).ToList();
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

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Every_combination_gets_the_right_pathway_urgency_and_first_study(
        bool cancer, bool infection, bool immune, bool deficits, Contraindication contraindication,
        Pathway pathway, Urgency urgency, string? study, AppropriatenessCategory? category)
    {
        var answers = new ClinicalAnswers(cancer, infection, immune, deficits, contraindication);

        var recommendation = Shipped.Decision.Decide(answers);

        Assert.Equal(pathway, recommendation.Pathway);
        Assert.Equal(urgency, recommendation.Urgency);
        Assert.Equal(study, recommendation.Recommended?.ProcedureId);
        Assert.Equal(category, recommendation.Recommended?.Category);
        Assert.Equal(pathway != Pathway.NoRedFlags, Shipped.Decision.NeedsContraindicationQuestion(answers with { Contraindication = null }));
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Every_combination_keeps_the_safety_rules(
        bool cancer, bool infection, bool immune, bool deficits, Contraindication contraindication,
        Pathway pathway, Urgency urgency, string? study, AppropriatenessCategory? category)
    {
        _ = (urgency, study, category);
        var recommendation = Shipped.Decision.Decide(new ClinicalAnswers(cancer, infection, immune, deficits, contraindication));

        Assert.NotEqual("bone-scan-whole-body", recommendation.Recommended?.ProcedureId);
        Assert.NotEmpty(recommendation.Because);
        Assert.NotEmpty(recommendation.WhyThisStudy);
        Assert.NotEmpty(recommendation.Escalation);
        Assert.Equal(Shipped.Guidance.Source, recommendation.Source);
        var ranks = recommendation.Alternatives.Select(a => a.Procedure.Category).ToList();
        Assert.Equal(ranks.Order(), ranks);
        Assert.All(recommendation.Alternatives, a => Assert.False(string.IsNullOrWhiteSpace(a.WhyLower)));
        if (deficits)
        {
            Assert.Contains(recommendation.Escalation, e => e.Contains("spine surgeon", StringComparison.Ordinal) && e.Contains("on-call radiologist", StringComparison.Ordinal));
        }

        if (pathway == Pathway.NoRedFlags)
        {
            Assert.Null(recommendation.OrderIndication);
            Assert.NotEmpty(recommendation.WhatWouldChange);
            Assert.All(recommendation.Alternatives, a => Assert.Equal(AppropriatenessCategory.UsuallyNotAppropriate, a.Procedure.Category));
            return;
        }

        Assert.StartsWith(urgency == Urgency.Emergent ? "EMERGENT. " + recommendation.Recommended!.Name : recommendation.Recommended!.Name, recommendation.OrderIndication, StringComparison.Ordinal);
        Assert.Contains(recommendation.Recommended.Name, recommendation.Headline, StringComparison.Ordinal);
        Assert.Contains(recommendation.Recommended.CategoryLabel, recommendation.Headline, StringComparison.Ordinal);
        Assert.Equal(urgency == Urgency.Emergent, recommendation.Headline.Contains("emergency", StringComparison.Ordinal));
        Assert.Empty(recommendation.WhatWouldChange);
        if (contraindication == Contraindication.MriNotPossible)
        {
            Assert.DoesNotContain(recommendation.Alternatives, a => a.Procedure.Name.StartsWith("MRI", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_articles_patient_gets_mri_without_and_with_contrast_with_an_order_line()
    {
        var recommendation = Shipped.Decision.Decide(new ClinicalAnswers(true, true, false, false, Contraindication.None));

        Assert.Equal("MRI lumbar spine without and with IV contrast", recommendation.Recommended!.Name);
        Assert.Equal("Usually Appropriate", recommendation.Recommended.CategoryLabel);
        Assert.Equal(new RadiationLevel("O", "0 mSv"), recommendation.Recommended.Radiation);
        Assert.Equal(["history of cancer or suspected cancer", "fever or suspected infection"], recommendation.Because);
        Assert.Equal(
            "MRI lumbar spine without and with IV contrast. Indication: low back pain with red flags (history of or suspected cancer; fever or suspected infection). Evaluate for metastasis, discitis-osteomyelitis, epidural abscess.",
            recommendation.OrderIndication);
        Assert.Equal(Urgency.Routine, recommendation.Urgency);
        Assert.Contains(recommendation.Escalation, e => e.Contains("sepsis", StringComparison.Ordinal));
        Assert.Contains(recommendation.AfterTheScan, s => s.Finding == "Metastases");
        Assert.Equal(["contrast-without-and-with", "esr-crp", "bone-scan"], recommendation.RelatedFaq.Select(f => f.Id));
        Assert.Equal("Bone scan whole body", recommendation.Alternatives[^1].Procedure.Name);
        Assert.Equal("Usually Not Appropriate", recommendation.Alternatives[^1].Procedure.CategoryLabel);
    }

    [Fact]
    public void Mri_not_possible_with_red_flags_orders_contrast_ct_and_mentions_ct_myelography()
    {
        var recommendation = Shipped.Decision.Decide(new ClinicalAnswers(false, true, false, false, Contraindication.MriNotPossible));

        Assert.Equal("CT lumbar spine with IV contrast", recommendation.Recommended!.Name);
        Assert.Equal("May Be Appropriate", recommendation.Recommended.CategoryLabel);
        Assert.Equal(new RadiationLevel("☢☢☢", "1-10 mSv"), recommendation.Recommended.Radiation);
        Assert.Contains(recommendation.Warnings, w => w.Contains("CT myelography", StringComparison.Ordinal));
        Assert.Contains("MRI not possible", recommendation.Because);
        Assert.Contains(recommendation.RelatedFaq, f => f.Id == "mri-contraindicated");
    }

    [Fact]
    public void Contrast_not_possible_with_red_flags_warns_that_an_abscess_or_tumour_can_be_missed()
    {
        var recommendation = Shipped.Decision.Decide(new ClinicalAnswers(true, false, false, false, Contraindication.ContrastNotPossible));

        Assert.Equal("MRI lumbar spine without IV contrast", recommendation.Recommended!.Name);
        Assert.Contains(recommendation.Warnings, w => w.Contains("abscess", StringComparison.Ordinal) && w.Contains("tumour", StringComparison.Ordinal));
        Assert.DoesNotContain(recommendation.Alternatives, a => a.Procedure.ProcedureId == MriWithoutAndWith);
    }

    [Fact]
    public void Deficits_without_red_flags_are_an_emergent_cauda_equina_work_up_rated_as_the_facts_give()
    {
        var recommendation = Shipped.Decision.Decide(new ClinicalAnswers(false, false, false, true, Contraindication.None));

        Assert.Equal(Pathway.CaudaEquina, recommendation.Pathway);
        Assert.Equal(Urgency.Emergent, recommendation.Urgency);
        var rated = recommendation.Alternatives.Select(a => (a.Procedure.ProcedureId, a.Procedure.CategoryLabel)).Prepend((recommendation.Recommended!.ProcedureId, recommendation.Recommended.CategoryLabel));
        Assert.Equal(
            [
                (MriWithoutAndWith, "Usually Appropriate"),
                (MriWithout, "Usually Appropriate"),
                ("ct-lumbar-without-contrast", "May Be Appropriate"),
                (CtMyelography, "May Be Appropriate"),
            ],
            rated);
        Assert.StartsWith("EMERGENT. ", recommendation.OrderIndication, StringComparison.Ordinal);
    }

    [Fact]
    public void No_red_flags_means_no_imaging_first_and_says_what_would_change_that()
    {
        var answers = new ClinicalAnswers(false, false, false, false);

        Assert.False(Shipped.Decision.NeedsContraindicationQuestion(answers));
        Assert.True(answers.IsComplete(Shipped.Decision));
        var recommendation = Shipped.Decision.Decide(answers);

        Assert.Null(recommendation.Recommended);
        Assert.Contains("conservative care", recommendation.Headline, StringComparison.Ordinal);
        Assert.Equal(Shipped.Guidance.Procedures.Count, recommendation.Alternatives.Count);
        Assert.Contains(recommendation.WhatWouldChange, w => w.Contains("MRI lumbar spine without and with IV contrast", StringComparison.Ordinal));
        Assert.Equal(["no suspicion of cancer", "no suspicion of infection", "not immunosuppressed", "no neurologic deficit"], recommendation.Because);
    }

    public static TheoryData<ClinicalAnswers> IncompleteAnswers() =>
    [
        ClinicalAnswers.Empty,
        new(true, null, null, null),
        new(true, true, true, null, Contraindication.None),
        new(true, false, false, false),
        new(false, false, false, true),
        new(false, false, null, false, Contraindication.None),
    ];

    [Theory]
    [MemberData(nameof(IncompleteAnswers))]
    public void Incomplete_answers_are_refused(ClinicalAnswers answers)
    {
        Assert.False(answers.IsComplete(Shipped.Decision));
        Assert.Throws<ArgumentException>(() => Shipped.Decision.Decide(answers));
    }

    [Fact]
    public void The_contraindication_is_asked_as_soon_as_one_red_flag_makes_mri_the_answer()
    {
        Assert.True(Shipped.Decision.NeedsContraindicationQuestion(new ClinicalAnswers(SuspectedCancer: true)));
        Assert.False(Shipped.Decision.NeedsContraindicationQuestion(new ClinicalAnswers(SuspectedCancer: false)));
        Assert.Equal(IntakeQuestionId.SuspectedInfection, new ClinicalAnswers(SuspectedCancer: true).NextQuestion(Shipped.Decision));
        Assert.Equal(IntakeQuestionId.Contraindication, new ClinicalAnswers(true, false, false, false).NextQuestion(Shipped.Decision));
    }

    private static string Json(Recommendation recommendation) => System.Text.Json.JsonSerializer.Serialize(recommendation);
}
