using ImagingBot.Guidance;

namespace ImagingBot.Consult.Tests;

/// <summary>Whole consults through <see cref="ClinicalConsult.Next"/>: the question tree, the emergency screen and the advice.</summary>
public class ConsultFlowTests
{
    [Fact]
    public void The_emergency_screen_is_asked_before_any_routine_question()
    {
        new Consultation().Type("start").Asks("caudaEquina")
            .Answer("no").Asks("sepsis")
            .Answer("no").Asks("age");
    }

    [Fact]
    public void A_yes_to_the_cauda_equina_screen_gives_the_emergent_advice_at_once()
    {
        var chat = new Consultation().Type("start").Answer("yes");

        var advice = chat.Recommendation;
        Assert.Equal(4, advice.Variant);
        Assert.Equal(Urgency.Emergent, advice.Urgency);
        Assert.NotEmpty(advice.Escalation);
        Assert.Null(chat.State!.Pending);
    }

    [Fact]
    public void Signs_of_sepsis_are_emergent_at_once()
    {
        var chat = new Consultation().Type("start").Answer("no").Answer("yes");

        Assert.Equal(Urgency.Emergent, chat.Recommendation.Urgency);
        Assert.Equal(7, chat.Recommendation.Variant);
    }

    [Fact]
    public void An_emergency_typed_at_a_routine_question_is_acted_on_at_once()
    {
        var chat = new Consultation().Type("start").Answer("no").Answer("no").Asks("age")
            .Type("she now can't void since this morning");

        Assert.Equal(Urgency.Emergent, chat.Recommendation.Urgency);
        Assert.Equal(4, chat.Recommendation.Variant);
    }

    [Fact]
    public void A_one_line_case_with_a_bladder_dysfunction_behind_negatives_is_emergent_without_a_confirmation()
    {
        var chat = new Consultation().Type("45M, acute LBP after lifting, no fever, no cancer, not immunosuppressed, no weakness, new bladder dysfunction");

        Assert.Single(chat.Replies);
        Assert.Equal(Urgency.Emergent, chat.Recommendation.Urgency);
    }

    [Fact]
    public void A_child_is_told_plainly_that_the_bot_does_not_cover_them()
    {
        var chat = new Consultation().Type("12-year-old with low back pain for 3 weeks after football");

        var outOfScope = Assert.IsType<OutOfScope>(chat.Advice);
        Assert.Equal(OutOfScopeReason.Child, outOfScope.Reason);
    }

    [Fact]
    public void A_child_answered_by_buttons_gets_the_out_of_scope_advice_and_no_more_questions()
    {
        var chat = new Consultation().Type("start").Answer("no").Answer("no").Asks("age").Answer("child");

        Assert.Equal(OutOfScopeReason.Child, Assert.IsType<OutOfScope>(chat.Advice).Reason);
    }

    [Fact]
    public void High_energy_trauma_is_out_of_scope()
    {
        var chat = new Consultation().Type("start").Answer("no").Answer("no").Answer("adult").Asks("majorTrauma").Answer("yes");

        Assert.Equal(OutOfScopeReason.MajorTrauma, Assert.IsType<OutOfScope>(chat.Advice).Reason);
    }

    [Fact]
    public void The_articles_patient_by_buttons_ends_with_MRI_without_and_with_contrast()
    {
        var chat = new Consultation().Type("start")
            .Answer("no").Answer("no").Answer("adult").Answer("no")
            .Asks("cancer").Answer("yes");
        while (chat.Advice is null)
        {
            var key = chat.Asked!.Question.Key;
            Assert.Contains(key, (string[])["contraindication", "pregnancy"]);
            chat.Answer(key == "contraindication" ? "none" : "no");
        }

        Assert.Equal(7, chat.Recommendation.Variant);
        Assert.Equal("MRI lumbar spine without and with IV contrast", chat.Recommendation.Recommended!.Name);
        Assert.Equal(AppropriatenessCategory.UsuallyAppropriate, chat.Recommendation.Recommended.Category);
    }

    [Fact]
    public void A_typed_case_is_confirmed_then_only_the_open_questions_are_asked()
    {
        var chat = new Consultation().Type("82F osteoporosis, fell from standing yesterday");
        var confirm = Assert.IsType<ConfirmCase>(chat.Replies.Single());
        Assert.NotEmpty(confirm.Understood);

        chat.Click("answer", "c1", ConsultState.CaseStep, "yes").Asks("caudaEquina");
        Assert.Equal(AgeGroup.Older, chat.State!.Answers.Age);
    }

    [Fact]
    public void A_wrong_reading_is_dropped_when_the_clinician_says_so()
    {
        new Consultation().Type("82F osteoporosis, fell from standing").Type("no").Asks("caudaEquina");
    }

    [Fact]
    public void A_typed_answer_that_is_not_clear_is_asked_again_never_guessed()
    {
        var chat = new Consultation().Type("start").Answer("no").Answer("no").Asks("age")
            .Type("maybe").Asks("age");

        Assert.Equal(PromptReason.Reprompt, chat.Asked!.Reason);
        Assert.False(chat.Asked.OfferQuickForm);
        chat.Type("hmm").Asks("age");
        Assert.True(chat.Asked!.OfferQuickForm);
        chat.Type("82").Asks("majorTrauma");
    }

    [Fact]
    public void A_stale_click_and_a_second_click_change_nothing()
    {
        var chat = new Consultation().Type("start").Answer("no").Asks("sepsis");
        var before = chat.State;

        chat.Click("answer", "c1", "caudaEquina", "yes");
        Assert.IsType<SayNote>(chat.Replies.Single());
        Assert.Equal(before, chat.State);

        chat.Click("answer", "old", "sepsis", "yes");
        Assert.IsType<SayNote>(chat.Replies.Single());
        Assert.Equal(before, chat.State);
    }

    [Fact]
    public void Change_an_answer_shows_the_quick_form_and_its_submit_gives_new_advice()
    {
        var chat = new Consultation().Type("start").Answer("yes");
        Assert.Equal(4, chat.Recommendation.Variant);

        chat.Click("change", "c1");
        var form = Assert.IsType<ShowQuickForm>(chat.Replies.Single());
        Assert.Equal("yes", form.Answers.Value(IntakeQuestionId.CaudaEquina));
        Assert.True(chat.State!.IsOpen);

        chat.Click("quickform", "c1", fields: [("caudaEquina", "no"), ("sepsis", "no"), ("age", "adult"), ("majorTrauma", "no"), ("cancer", "no"), ("infection", "no"), ("immunosuppression", "no"), ("priorSurgery", "no"), ("fractureRisk", "no"), ("course", "acute")]);
        Assert.Equal(1, chat.Recommendation.Variant);
        Assert.Empty(chat.Recommendation.FirstLine);

        chat.Click("quickform", "c1", fields: [("caudaEquina", "yes")]);
        Assert.IsType<SayNote>(chat.Replies.Single());
    }
}
