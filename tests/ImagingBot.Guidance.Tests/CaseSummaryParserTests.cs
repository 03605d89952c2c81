namespace ImagingBot.Guidance.Tests;

public class CaseSummaryParserTests
{
    [Fact]
    public void The_one_liner_from_the_brief_is_read_with_its_negation()
    {
        var summary = CaseSummaryParser.Parse("58F, breast cancer in remission, fevers, no weakness");

        Assert.Equal(new ClinicalAnswers(true, true, null, false), summary.Answers);
        Assert.Equal(["history of cancer (breast)", "fever", "no neurologic deficit"], summary.FindingTexts);
    }

    [Fact]
    public void The_articles_patient_has_cancer_and_infection_flags_and_nothing_else_decided()
    {
        var summary = CaseSummaryParser.Parse(
            "58-year-old woman with a history of breast cancer, now in remission; two weeks of worsening deep lumbar pain, " +
            "constant and waking her from sleep; no trauma; subjective fevers.");

        Assert.Equal(new ClinicalAnswers(true, true, null, null), summary.Answers);
        Assert.Contains("history of cancer (breast)", summary.FindingTexts);
        Assert.Contains("pain at night or at rest", summary.FindingTexts);
        Assert.Contains("fever", summary.FindingTexts);
        Assert.Null(summary.Answers.Contraindication);
    }

    public static TheoryData<string, IntakeQuestionId, bool?, string> Sentences() => new()
    {
        { "no fever", IntakeQuestionId.SuspectedInfection, false, "no fever" },
        { "afebrile", IntakeQuestionId.SuspectedInfection, false, "no fever" },
        { "denies fevers", IntakeQuestionId.SuspectedInfection, false, "no fever" },
        { "febrile to 39", IntakeQuestionId.SuspectedInfection, true, "fever" },
        { "recent UTI", IntakeQuestionId.SuspectedInfection, true, "recent bacterial infection (urinary tract)" },
        { "history of IV drug use", IntakeQuestionId.SuspectedInfection, true, "intravenous drug use" },
        { "epidural injection last week", IntakeQuestionId.SuspectedInfection, true, "recent spinal procedure" },
        { "denies weakness", IntakeQuestionId.NeurologicDeficits, false, "no neurologic deficit" },
        { "without saddle anesthesia", IntakeQuestionId.NeurologicDeficits, false, "no saddle anesthesia" },
        { "neurologically intact", IntakeQuestionId.NeurologicDeficits, false, "no neurologic deficit" },
        { "left foot drop", IntakeQuestionId.NeurologicDeficits, true, "foot drop" },
        { "saddle anaesthesia and urinary retention", IntakeQuestionId.NeurologicDeficits, true, "saddle anesthesia" },
        { "new incontinence", IntakeQuestionId.NeurologicDeficits, true, "incontinence" },
        { "no urinary retention", IntakeQuestionId.NeurologicDeficits, null, "no urinary retention" },
        { "no history of cancer", IntakeQuestionId.SuspectedCancer, false, "no history of cancer" },
        { "prostate ca with mets", IntakeQuestionId.SuspectedCancer, true, "history of cancer (prostate)" },
        { "renal cell carcinoma", IntakeQuestionId.SuspectedCancer, true, "history of cancer (kidney)" },
        { "unexplained weight loss", IntakeQuestionId.SuspectedCancer, true, "unexplained weight loss" },
        { "no weight loss", IntakeQuestionId.SuspectedCancer, null, "no weight loss" },
        { "no improvement after 6 weeks of PT", IntakeQuestionId.SuspectedCancer, true, "no improvement with conservative therapy" },
        { "on prednisone for COPD", IntakeQuestionId.Immunosuppression, true, "immunosuppression (chronic corticosteroids)" },
        { "chemo for lymphoma", IntakeQuestionId.Immunosuppression, true, "immunosuppression (chemotherapy)" },
        { "renal transplant", IntakeQuestionId.Immunosuppression, true, "immunosuppression (transplant recipient)" },
        { "HIV+", IntakeQuestionId.Immunosuppression, true, "immunosuppression (HIV)" },
        { "poorly controlled diabetes", IntakeQuestionId.Immunosuppression, true, "immunosuppression (advanced diabetes)" },
        { "not immunosuppressed", IntakeQuestionId.Immunosuppression, false, "not immunosuppressed" },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void A_finding_is_read_with_its_negation(string text, IntakeQuestionId question, bool? answer, string finding)
    {
        var summary = CaseSummaryParser.Parse(text);

        Assert.Equal(answer, summary.Answers.Answer(question));
        Assert.Contains(finding, summary.FindingTexts);
    }

    [Fact]
    public void Negation_covers_the_rest_of_its_item()
    {
        var summary = CaseSummaryParser.Parse("denies fever or chills and weight loss");

        Assert.Equal(["no fever", "no chills", "no weight loss"], summary.FindingTexts);
        Assert.False(summary.Answers.SuspectedInfection);
        Assert.Null(summary.Answers.SuspectedCancer);
    }

    [Fact]
    public void Negation_never_crosses_a_comma_so_a_stated_deficit_is_not_lost()
    {
        var summary = CaseSummaryParser.Parse("no saddle anesthesia, bowel or bladder incontinence");

        Assert.True(summary.Answers.NeurologicDeficits);
        Assert.Equal(["no saddle anesthesia", "incontinence"], summary.FindingTexts);
    }

    [Fact]
    public void Negation_stops_at_the_next_item_or_a_but()
    {
        var summary = CaseSummaryParser.Parse("no fever, weakness of the left leg; no cancer but on steroids");

        Assert.False(summary.Answers.SuspectedInfection);
        Assert.True(summary.Answers.NeurologicDeficits);
        Assert.False(summary.Answers.SuspectedCancer);
        Assert.True(summary.Answers.Immunosuppressed);
    }

    [Fact]
    public void A_stated_finding_wins_over_a_stated_absence_for_the_same_question()
    {
        var summary = CaseSummaryParser.Parse("afebrile, IVDU");

        Assert.True(summary.Answers.SuspectedInfection);
        Assert.Equal(["no fever", "intravenous drug use"], summary.FindingTexts);
    }

    [Theory]
    [InlineData("")]
    [InlineData("mechanical low back pain after lifting a box")]
    [InlineData("hello")]
    public void Unstated_items_stay_unanswered(string text)
    {
        var summary = CaseSummaryParser.Parse(text);

        Assert.Equal(ClinicalAnswers.Empty, summary.Answers);
        Assert.Empty(summary.Findings);
    }

    [Fact]
    public void Parsed_answers_feed_the_decision()
    {
        var answers = CaseSummaryParser.Parse("72M, lung cancer, afebrile, not immunosuppressed, neuro intact").Answers;

        Assert.True(answers.IsComplete(Shipped.Decision) is false);
        Assert.Equal(IntakeQuestionId.Contraindication, answers.NextQuestion(Shipped.Decision));
        var recommendation = Shipped.Decision.Decide(answers with { Contraindication = Contraindication.None });
        Assert.Equal(Pathway.RedFlagWorkup, recommendation.Pathway);
        Assert.Equal(["history of cancer or suspected cancer"], recommendation.Because);
    }
}
