using ImagingBot.Guidance;

namespace ImagingBot.Consult.Tests;

/// <summary>
/// Clicks sent as Universal Actions (Action.Execute): the same consult as with Action.Submit, and the turn also says,
/// as data, what the clicked card becomes. A stale or second click gets the card's current view and changes nothing;
/// in group chats another clinician's card never answers their consult.
/// </summary>
public class UniversalActionTests
{
    private static readonly string[] RoutineAdult =
        ["caudaEquina:no", "sepsis:no", "age:adult", "majorTrauma:no", "cancer:no", "infection:no", "immunosuppression:no", "priorSurgery:no", "fractureRisk:no", "course:acute"];

    [Fact]
    public void An_answer_replaces_its_card_with_the_answer_and_the_next_question_comes_as_a_new_message()
    {
        var chat = new Consultation().Type("start").ExecuteAnswer("no");

        var record = Assert.IsType<QuestionAnswered>(chat.ClickedCard);
        Assert.Equal(("c1", "caudaEquina", record.Question.Option("no")!.Label, false), (record.ConsultId, record.Question.Key, record.Answer, record.Repeat));
        chat.Asks("sepsis");
        Assert.Single(chat.Replies);
    }

    [Fact]
    public void The_same_consult_by_execute_and_by_submit_records_the_same_answers_and_advice()
    {
        var submitted = new Consultation().Type("start");
        var executed = new Consultation().Type("start");
        foreach (var value in (string[])["no", "no", "adult", "no", "yes", "none", "no"])
        {
            submitted.Answer(value);
            executed.ExecuteAnswer(value);
            Assert.Equal(submitted.Replies, executed.Replies);
            Assert.Equal(submitted.State, executed.State);
            Assert.Null(submitted.ClickedCard);
            Assert.IsType<QuestionAnswered>(executed.ClickedCard);
        }

        Assert.Equal(7, executed.Recommendation.Variant);
    }

    [Fact]
    public void An_emergency_answered_in_place_gives_the_emergent_advice_at_once_as_a_new_message()
    {
        var chat = new Consultation().Type("start").ExecuteAnswer("yes");

        var record = Assert.IsType<QuestionAnswered>(chat.ClickedCard);
        Assert.Equal(record.Question.Option("yes")!.Label, record.Answer);
        Assert.Equal(Urgency.Emergent, chat.Recommendation.Urgency);
    }

    [Fact]
    public void A_double_click_gets_the_recorded_answer_back_and_changes_nothing()
    {
        var chat = new Consultation().Type("start").ExecuteAnswer("no");
        var before = chat.State;

        chat.Execute("answer", "c1", "caudaEquina", "yes");

        var record = Assert.IsType<QuestionAnswered>(chat.ClickedCard);
        Assert.Equal((record.Question.Option("no")!.Label, true), (record.Answer, record.Repeat));
        Assert.Empty(chat.Replies);
        Assert.Same(before, chat.State);
    }

    [Fact]
    public void A_click_on_an_earlier_consults_card_closes_that_card_and_changes_nothing()
    {
        var chat = new Consultation().Type("start").ExecuteAnswer("no").Type("start").Asks("caudaEquina", "c2");
        var before = chat.State;

        chat.Execute("answer", "c1", "sepsis", "yes");

        Assert.Equal(new CardClosed(ClosedReason.EarlierConsult), chat.ClickedCard);
        Assert.Empty(chat.Replies);
        Assert.Same(before, chat.State);
    }

    [Fact]
    public void A_value_that_is_not_an_answer_asks_the_question_again_in_place()
    {
        var chat = new Consultation().Type("start");

        chat.Execute("answer", "c1", "caudaEquina", "perhaps");

        var asked = Assert.IsType<AskQuestion>(chat.ClickedCard);
        Assert.Equal((PromptReason.Reprompt, "caudaEquina"), (asked.Reason, asked.Question.Key));
        Assert.Empty(chat.Replies);
    }

    [Fact]
    public void A_confirmed_case_is_recorded_in_place()
    {
        var chat = new Consultation().Type("58F, breast cancer in remission, night pain, subjective fevers");
        Assert.IsType<ConfirmCase>(chat.Replies.Single());

        chat.Execute("answer", "c1", ConsultState.CaseStep, "yes");
        Assert.Equal(new CaseAnswered("c1", true), chat.ClickedCard);

        chat.Execute("answer", "c1", ConsultState.CaseStep, "no");
        Assert.Equal(new CaseAnswered("c1", null), chat.ClickedCard);
        Assert.Empty(chat.Replies);
    }

    [Fact]
    public void In_a_group_chat_another_clinicians_card_starts_the_clickers_own_consult_and_records_nothing_on_either()
    {
        var first = new Consultation(ConversationKind.GroupChat).Type("start").Asks("caudaEquina");
        var firstState = first.State;
        var second = new Consultation(ConversationKind.GroupChat, firstId: 50);

        // The second clinician clicks "No" on the first one's emergency screen.
        second.Execute("answer", "c1", "caudaEquina", "no");

        Assert.Equal(new CardClosed(ClosedReason.AnotherConsult), second.ClickedCard);
        second.Asks("caudaEquina", "c50");
        Assert.Null(second.State!.Answers.CaudaEquinaSigns);
        Assert.Same(firstState, first.State);
    }

    [Fact]
    public void In_a_group_chat_another_clinicians_card_continues_the_clickers_open_consult()
    {
        var second = new Consultation(ConversationKind.Channel, firstId: 50).Type("start").Answer("no").Asks("sepsis", "c50");
        var before = second.State;

        second.Click("answer", "c1", "sepsis", "yes");

        Assert.Equal(new ConsultOptions().AnotherConsultNote, Assert.IsType<SayNote>(second.Replies[0]).Text);
        Assert.Equal(PromptReason.Resume, Assert.IsType<AskQuestion>(second.Replies[1]).Reason);
        second.Asks("sepsis", "c50");
        Assert.Same(before, second.State);
    }

    [Fact]
    public void Change_an_answer_shows_the_advice_as_being_changed_and_sends_the_quick_form()
    {
        var chat = new Consultation().Type("start").Answer("yes");
        var codes = AnswerLine.Write(chat.State!.Answers, Consultation.Data.Questions);

        chat.Execute("change", "c1", fields: [("answers", codes)]);

        var changing = Assert.IsType<AdviceChanged>(chat.ClickedCard);
        Assert.True(changing.StillChanging);
        Assert.Equal(4, Assert.IsType<Recommendation>(changing.Advice).Variant);
        Assert.IsType<ShowQuickForm>(chat.Replies.Single());

        // A second click: the form is out already.
        chat.Execute("change", "c1", fields: [("answers", codes)]);
        Assert.IsType<AdviceChanged>(chat.ClickedCard);
        Assert.Empty(chat.Replies);
    }

    [Fact]
    public void A_sent_quick_form_is_recorded_in_place_and_a_second_submit_gets_the_same_record()
    {
        var chat = new Consultation().Type("start").Answer("yes").Click("change", "c1");
        var fields = RoutineAdult.Select(code => (code.Split(':')[0], code.Split(':')[1])).ToArray();

        chat.Execute("quickform", "c1", fields: fields);
        var sent = Assert.IsType<QuickFormSent>(chat.ClickedCard);
        Assert.False(sent.Repeat);
        Assert.Equal(1, chat.Recommendation.Variant);

        chat.Execute("quickform", "c1", fields: [("caudaEquina", "yes")]);
        Assert.True(Assert.IsType<QuickFormSent>(chat.ClickedCard).Repeat);
        Assert.Equal(false, chat.State!.Answers.CaudaEquinaSigns);
    }

    [Fact]
    public void A_refresh_shows_the_advice_as_it_is_now_for_its_own_consult_and_as_sent_to_anyone_else()
    {
        var chat = new Consultation().Type("start").Answer("yes");
        var guidance = Consultation.Data.ContentVersion;
        var emergency = AnswerLine.Write(chat.State!.Answers, Consultation.Data.Questions);
        (string, string)[] card = [("answers", emergency), ("guidance", guidance)];

        chat.Execute("refresh", "c1", fields: card);
        Assert.Equal(4, Assert.IsType<Recommendation>(Assert.IsType<GiveAdvice>(chat.ClickedCard).Advice).Variant);

        chat.Click("change", "c1").Execute("refresh", "c1", fields: card);
        Assert.True(Assert.IsType<AdviceChanged>(chat.ClickedCard).StillChanging);

        chat.Click("quickform", "c1", fields: [.. RoutineAdult.Select(code => (code.Split(':')[0], code.Split(':')[1]))]);
        var state = chat.State;
        chat.Execute("refresh", "c1", fields: card);
        Assert.False(Assert.IsType<AdviceChanged>(chat.ClickedCard).StillChanging);

        // Another clinician, or this one after a newer consult: the card as it was sent, from its own answers.
        var other = new Consultation(ConversationKind.GroupChat, firstId: 50).Execute("refresh", "c1", fields: card);
        var asSent = Assert.IsType<GiveAdvice>(other.ClickedCard);
        Assert.Equal(("c1", 4), (asSent.ConsultId, Assert.IsType<Recommendation>(asSent.Advice).Variant));
        Assert.Null(other.State);
        Assert.Same(state, chat.State);
    }

    [Theory]
    [InlineData("caudaEquina:yes", "2026.01.01-1")]       // another release's guidance
    [InlineData("caudaEquina:maybe", null)]               // not an answer
    [InlineData("sepsis:no", null)]                       // not complete answers
    [InlineData("", null)]
    public void A_refresh_that_cannot_show_its_advice_again_closes_the_card(string codes, string? guidance)
    {
        var chat = new Consultation().Execute("refresh", "c1", fields: [("answers", codes), ("guidance", guidance ?? Consultation.Data.ContentVersion)]);

        Assert.Equal(guidance is null ? ClosedReason.OutOfDate : ClosedReason.GuidanceChanged, Assert.IsType<CardClosed>(chat.ClickedCard).Reason);
        Assert.Empty(chat.Replies);
    }

    [Fact]
    public void The_answer_line_reads_back_the_answers_it_was_written_from_and_nothing_else()
    {
        var questions = Consultation.Data.Questions;
        var answers = new ClinicalAnswers(CaudaEquinaSigns: false, SepsisSigns: false, Age: AgeGroup.Older, Course: PainCourse.AfterOptimalManagement, Contraindication: Contraindication.SevereKidneyDisease);

        var codes = AnswerLine.Write(answers, questions);

        Assert.Equal("caudaEquina:no,sepsis:no,age:older,course:managed,contraindication:kidney", codes);
        Assert.Equal(answers, AnswerLine.Read(codes, questions));
        Assert.Null(AnswerLine.Read("caudaEquina:no,caudaEquina:yes", questions));
        Assert.Null(AnswerLine.Read("unknown:yes", questions));
        Assert.Null(AnswerLine.Read("age:teen", questions));
    }
}
