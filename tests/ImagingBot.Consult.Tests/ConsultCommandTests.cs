namespace ImagingBot.Consult.Tests;

/// <summary>Every command, typed and clicked, works the same inside a consult (then the question is asked again) and outside one.</summary>
public class ConsultCommandTests
{
    public static TheoryData<string> TypedCommands => ["help", "faq", "menu", "common questions"];

    [Theory]
    [MemberData(nameof(TypedCommands))]
    public void A_typed_command_mid_consult_answers_it_and_asks_the_same_question_again(string command)
    {
        var chat = new Consultation().Type("start").Answer("no").Asks("sepsis").Type(command);

        Assert.Equal(2, chat.Replies.Count);
        Assert.IsNotType<AskQuestion>(chat.Replies[0]);
        chat.Asks("sepsis");
        Assert.Equal(PromptReason.Resume, chat.Asked!.Reason);
    }

    [Theory]
    [MemberData(nameof(TypedCommands))]
    public void A_typed_command_outside_a_consult_answers_it_alone(string command)
    {
        var chat = new Consultation().Type(command);

        Assert.Single(chat.Replies);
        Assert.Null(chat.State);
    }

    [Theory]
    [InlineData("help", typeof(ShowHelp))]
    [InlineData("faqList", typeof(ShowFaqList))]
    public void A_clicked_command_is_the_same_as_the_typed_one(string action, Type reply)
    {
        var inside = new Consultation().Type("start").Click(action);
        Assert.IsType(reply, inside.Replies[0]);
        inside.Asks("caudaEquina");

        var outside = new Consultation().Click(action);
        Assert.IsType(reply, Assert.Single(outside.Replies));
    }

    [Fact]
    public void An_FAQ_button_answers_that_question_inside_and_outside_a_consult()
    {
        var id = Consultation.Data.Faq[0].Id;
        var inside = new Consultation().Type("start").Click("faq", fields: ("faqId", id));
        Assert.Equal(id, Assert.IsType<ShowFaqAnswer>(inside.Replies[0]).Entry.Id);
        inside.Asks("caudaEquina");

        Assert.Equal(id, Assert.IsType<ShowFaqAnswer>(new Consultation().Click("faq", fields: ("faqId", id)).Replies.Single()).Entry.Id);
    }

    [Theory]
    [InlineData("faq why not x-ray first?", "radiography-first")]
    [InlineData("FAQ: what changes in pregnancy?", "pregnancy")]
    [InlineData("faqs does a normal CRP rule out infection", "esr-crp")]
    public void A_question_after_the_FAQ_word_gets_its_answer_never_a_consult_inside_and_outside_one(string typed, string id)
    {
        var outside = new Consultation().Type(typed);
        Assert.Equal(id, Assert.IsType<ShowFaqAnswer>(outside.Replies.Single()).Entry.Id);
        Assert.Null(outside.State);

        var inside = new Consultation().Type("start").Answer("no").Type(typed);
        Assert.Equal(id, Assert.IsType<ShowFaqAnswer>(inside.Replies[0]).Entry.Id);
        inside.Asks("sepsis");
    }

    [Fact]
    public void The_FAQ_word_with_a_question_it_cannot_match_lists_the_questions()
    {
        Assert.IsType<ShowFaqList>(new Consultation().Type("faq pizza recipe").Replies.Single());
    }

    [Fact]
    public void Start_mid_consult_begins_a_clean_consult()
    {
        new Consultation().Type("start").Answer("no").Asks("sepsis").Type("new consult").Asks("caudaEquina", "c2");
        new Consultation().Type("start").Answer("no").Click("new").Asks("caudaEquina", "c2");
    }

    [Fact]
    public void Cancel_clears_an_open_consult_and_says_so_outside_one()
    {
        var chat = new Consultation().Type("start").Answer("no").Type("cancel");
        Assert.Null(chat.State);
        var cancelled = Assert.IsType<SayNote>(chat.Replies.Single()).Text;

        chat.Type("cancel");
        Assert.NotEqual(cancelled, Assert.IsType<SayNote>(chat.Replies.Single()).Text);
    }

    [Fact]
    public void Change_an_answer_typed_or_clicked_opens_the_quick_form_mid_consult_and_is_explained_outside_one()
    {
        Assert.IsType<ShowQuickForm>(new Consultation().Type("start").Answer("no").Type("change an answer").Replies.Single());
        Assert.IsType<ShowQuickForm>(new Consultation().Type("start").Click("change", "c1").Replies.Single());
        Assert.IsType<SayNote>(new Consultation().Type("change an answer").Replies.Single());
        Assert.IsType<SayNote>(new Consultation().Click("change", "c9").Replies.Single());
    }

    [Fact]
    public void A_start_word_with_a_case_after_it_reads_the_case()
    {
        var chat = new Consultation().Type("start 58F, breast cancer in remission, night pain, subjective fevers");
        Assert.IsType<ConfirmCase>(chat.Replies.Single());
    }

    [Fact]
    public void A_question_about_the_guidance_outside_a_consult_gets_the_FAQ_and_a_case_gets_a_consult()
    {
        Assert.IsType<ShowFaqAnswer>(new Consultation().Type("why contrast?").Replies.Single());
        Assert.IsType<ConfirmCase>(new Consultation().Type("52M diabetic with an infected foot ulcer and back pain").Replies.Single());
    }

    [Fact]
    public void An_empty_message_and_an_unknown_button_get_a_plain_answer_and_keep_the_consult()
    {
        var chat = new Consultation().Type("start");
        var state = chat.State;

        chat.Turn(new TurnInput(string.Empty, null, "test", ConversationKind.Personal));
        Assert.IsType<SayNote>(chat.Replies.Single());
        Assert.Equal(state, chat.State);

        chat.Click("somethingNew");
        Assert.IsType<ShowNotUnderstood>(chat.Replies[0]);
        chat.Asks("caudaEquina");
    }
}
