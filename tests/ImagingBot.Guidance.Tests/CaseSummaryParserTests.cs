namespace ImagingBot.Guidance.Tests;

/// <summary>
/// The findings a clinician confirms after typing a case: their clinic wording, which of them answered a question,
/// and when a line counts as a case. The whole readings are in <see cref="CaseReadingTableTests"/>.
/// </summary>
public class CaseSummaryParserTests
{
    [Fact]
    public void The_issues_cauda_equina_line_is_confirmed_with_every_finding_and_the_bladder_first_among_the_signs()
    {
        var read = CaseSummaryParser.Parse("45M, acute LBP after lifting, no fever, no cancer, not immunosuppressed, no weakness, new bladder dysfunction");

        Assert.Equal(
            ["age 45", "male", "no fever (does not rule out infection)", "no history of cancer", "not immunosuppressed", "no weakness", "new bladder dysfunction (cauda equina sign)"],
            read.FindingTexts);
        Assert.True(read.Answers.IsEmergency);
    }

    [Fact]
    public void A_single_absent_sign_is_shown_but_never_answers_its_question()
    {
        var read = CaseSummaryParser.Parse("afebrile, no weakness, HIV negative, not on steroids");

        Assert.Equal(["afebrile (does not rule out infection)", "no weakness", "HIV negative", "not on steroids"], read.FindingTexts);
        Assert.All(read.Findings, f => Assert.False(f.Present));
        Assert.All(read.Findings, f => Assert.False(f.AnswersQuestion));
        Assert.Equal(ClinicalAnswers.Empty, read.Answers);
    }

    [Fact]
    public void A_whole_question_negation_is_marked_as_answering_it()
    {
        var read = CaseSummaryParser.Parse("no history of cancer");

        var finding = Assert.Single(read.Findings);
        Assert.Equal(new RecognisedFinding(IntakeQuestionId.SuspectedCancer, false, "no history of cancer", true), finding);
    }

    [Theory]
    [InlineData("82F, fall from standing", "fall from standing (low-velocity trauma)")]
    [InlineData("82F, fall from standing", "age 82")]
    [InlineData("67M, IV drug user, febrile 39.4, BP 82/50, confused", "fever with hypotension, confusion (signs of sepsis)")]
    [InlineData("67M, IV drug user, febrile 39.4, BP 82/50, confused", "BP 82/50 (hypotension)")]
    [InlineData("T 38.6", "temperature 38.6 (fever)")]
    [InlineData("temp 101.5F", "temperature 101.5F (fever)")]
    [InlineData("pacemaker", "pacemaker (check whether it is MRI-conditional)")]
    [InlineData("MRI-unsafe pacemaker", "MRI-unsafe pacemaker (MRI not possible)")]
    [InlineData("afebrile, epidural steroid injection 2 weeks ago", "epidural steroid injection (recent spinal procedure)")]
    [InlineData("fusion 6 weeks ago", "recent spinal surgery (infection red flag)")]
    [InlineData("on prednisone for COPD", "chronic corticosteroids (immunosuppression and fracture risk)")]
    [InlineData("52M diabetic with infected foot ulcer", "diabetes (immunosuppression only if advanced or poorly controlled)")]
    [InlineData("10 weeks of failed physical therapy referred for an injection", "surgery or intervention candidate (injection)")]
    [InlineData("eGFR 20", "eGFR 20 (severe kidney disease)")]
    [InlineData("no red flags", "no red flags (cancer, infection, immunosuppression)")]
    public void Findings_are_worded_for_the_confirmation_card(string line, string finding)
    {
        Assert.Contains(finding, CaseSummaryParser.Parse(line).FindingTexts);
    }

    [Fact]
    public void A_pacemaker_not_said_to_be_unsafe_leaves_the_contraindication_to_the_clinician()
    {
        var read = CaseSummaryParser.Parse("70M, lung cancer, pacemaker");

        Assert.Null(read.Answers.Contraindication);
        Assert.Contains(read.Findings, f => f is { Question: IntakeQuestionId.Contraindication, AnswersQuestion: false });
    }

    [Fact]
    public void Mri_not_possible_wins_over_kidney_disease_and_both_findings_are_kept()
    {
        var read = CaseSummaryParser.Parse("ESRD on dialysis, MRI-unsafe pacemaker");

        Assert.Equal(Contraindication.MriNotPossible, read.Answers.Contraindication);
        Assert.Contains("end-stage kidney disease (severe kidney disease)", read.FindingTexts);
        Assert.Contains("MRI-unsafe pacemaker (MRI not possible)", read.FindingTexts);
    }

    [Fact]
    public void Time_since_surgery_is_not_how_long_the_pain_has_lasted()
    {
        var read = CaseSummaryParser.Parse("2 years after a lumbar fusion with worsening pain");

        Assert.Null(read.Answers.Course);
        Assert.Null(read.Answers.SuspectedInfection);
        Assert.DoesNotContain(read.Findings, f => f.Question == IntakeQuestionId.Course);
    }

    [Theory]
    [InlineData("back pain on and off for years, flare 3 days", "pain for years")]
    [InlineData("LBP < 6 weeks", "pain for under 6 weeks")]
    public void The_confirmation_says_how_long_the_pain_has_lasted_as_it_was_written(string text, string finding)
    {
        var read = CaseSummaryParser.Parse(text);

        Assert.Contains(read.Findings, f => f.Question == IntakeQuestionId.Course && f.Text == finding);
    }

    [Theory]
    [InlineData("2 years after L4-L5 fusion, new back pain")]
    [InlineData("3 weeks after L4/5 laminectomy, new back pain")]
    public void Time_since_surgery_at_a_named_level_is_not_how_long_the_pain_has_lasted(string text)
    {
        var read = CaseSummaryParser.Parse(text);

        Assert.Null(read.Answers.Course);
        Assert.DoesNotContain(read.Findings, f => f.Question == IntakeQuestionId.Course);
    }

    [Fact]
    public void A_planned_injection_makes_a_candidate_not_an_infection_red_flag()
    {
        var read = CaseSummaryParser.Parse("10 weeks of failed physical therapy referred for an injection");

        Assert.Equal(PainCourse.AfterOptimalManagement, read.Answers.Course);
        Assert.Null(read.Answers.SuspectedInfection);
        Assert.Contains(read.Findings, f => f is { Text: "pain for 10 weeks", AnswersQuestion: true });
    }

    [Fact]
    public void Failure_of_conservative_therapy_feeds_the_course_not_the_cancer_question()
    {
        var read = CaseSummaryParser.Parse("LBP x 3 months, failure to improve with conservative therapy");

        Assert.Null(read.Answers.SuspectedCancer);
        Assert.Equal(PainCourse.AfterOptimalManagement, read.Answers.Course);
    }

    [Fact]
    public void Six_weeks_or_more_without_management_words_is_left_to_the_question()
    {
        // Variant 2 or 3 turns on optimal management and candidacy, which the line does not say.
        Assert.Null(CaseSummaryParser.Parse("10 weeks of LBP").Answers.Course);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hello")]
    [InlineData("thanks!")]
    public void Text_without_a_case_reads_nothing(string? text)
    {
        var read = CaseSummaryParser.Parse(text);

        Assert.Equal(ClinicalAnswers.Empty, read.Answers);
        Assert.Empty(read.Findings);
        Assert.Null(read.AgeInYears);
        Assert.False(read.IsCase);
    }

    [Theory]
    [InlineData("Can a normal CRP rule out infection?", false)]
    [InlineData("why contrast?", false)]
    [InlineData("Should I worry about an epidural injection", false)]
    [InlineData("52M diabetic with infected foot ulcer, back pain", true)]
    [InlineData("can't void since this morning", true)]
    [InlineData("infected foot ulcer", true)]
    [InlineData("does urinary retention need an MRI?", true)]
    [InlineData("LBP", true)]
    [InlineData("pt", true)]
    [InlineData("3 weeks", true)]
    public void A_case_is_never_mistaken_for_a_question_and_a_question_only_reads_as_a_case_with_an_emergency_or_a_patient(string text, bool isCase)
    {
        Assert.Equal(isCase, CaseSummaryParser.Parse(text).IsCase);
    }

    [Fact]
    public void A_finding_is_listed_once_however_often_it_is_said()
    {
        var read = CaseSummaryParser.Parse("fever, fevers, febrile");

        Assert.Equal(["fever"], read.FindingTexts);
    }

    [Fact]
    public void A_long_line_is_read_whole()
    {
        var line = string.Join(", ", Enumerable.Repeat("no fever", 500)) + ", new urinary retention";

        Assert.True(CaseSummaryParser.Parse(line).Answers.CaudaEquinaSigns);
    }
}
