using ImagingBot.Bots;
using ImagingBot.Dialogs;
using ImagingBot.Dialogs.Consult;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using static ImagingBot.Tests.Consult.ClinicianChat;

namespace ImagingBot.Tests.Consult;

/// <summary>Whole consults through the real bot class, as a clinician types and clicks them.</summary>
public class ConsultConversationTests
{
    private const string MriWithoutAndWith = "Routine: MRI lumbar spine without and with IV contrast (Usually Appropriate) [c1]";
    private static readonly WaterfallOptions Notes = new();
    private static readonly string WhyContrast = ClinicianChat.Guidance.Faq.Single(entry => entry.Id == "contrast-without-and-with").Question;

    [Fact]
    public async Task The_articles_patient_typed_ends_with_MRI_without_and_with_contrast_usually_appropriate()
    {
        // 58F, breast cancer in remission, two weeks of night pain, subjective fevers, no deficits.
        await Open()
            .Send("start").Asks("c1", "cancer")
            .Send("Yes").Asks("c1", "infection")
            .Send("yes, subjective fevers").Asks("c1", "infection")   // not a clear yes: asked again, never guessed
            .Send("y").Asks("c1", "immunosuppression")
            .Send("nope").Asks("c1", "neurologicDeficit")
            .Send("No.").Asks("c1", "contraindication")
            .Send("no limit").SaysSomething(MriWithoutAndWith)
            .StartTestAsync();
    }

    [Fact]
    public async Task The_articles_patient_by_buttons_from_the_welcome_card()
    {
        await Open()
            .Send(Click(new JObject { ["action"] = "new" })).Asks("c1", "cancer")
            .Send(Answer("c1", "cancer", "yes")).Asks("c1", "infection")
            .Send(Answer("c1", "infection", "yes")).Asks("c1", "immunosuppression")
            .Send(Answer("c1", "immunosuppression", "no")).Asks("c1", "neurologicDeficit")
            .Send(Answer("c1", "neurologicDeficit", "no")).Asks("c1", "contraindication")
            .Send(Answer("c1", "contraindication", "none")).SaysSomething(MriWithoutAndWith)
            .StartTestAsync();
    }

    [Fact]
    public async Task Neurologic_deficits_end_emergent_with_the_escalation()
    {
        await Open()
            .Send("start").Asks("c1", "cancer")
            .Send("no").Asks("c1", "infection")
            .Send("no").Asks("c1", "immunosuppression")
            .Send("no").Asks("c1", "neurologicDeficit")
            .Send("yes").Asks("c1", "contraindication")
            .Send(Answer("c1", "contraindication", "none"))
            .AssertReply(reply =>
            {
                Assert.StartsWith("Emergent: MRI lumbar spine", Text(reply), StringComparison.Ordinal);
                Assert.Contains("Escalation: Neurologic deficits: image emergently and call the spine surgeon", Text(reply), StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task An_incompatible_pacemaker_ends_with_CT_with_IV_contrast()
    {
        await Open()
            .Send("start").Asks("c1", "cancer")
            .Send("yes").Asks("c1", "infection")
            .Send("yes").Asks("c1", "immunosuppression")
            .Send("no").Asks("c1", "neurologicDeficit")
            .Send("no").Asks("c1", "contraindication")
            .Send(Answer("c1", "contraindication", "mri")).SaysSomething("Routine: CT lumbar spine with IV contrast")
            .StartTestAsync();
    }

    [Fact]
    public async Task No_red_flags_ends_with_no_imaging_first_and_no_contraindication_question()
    {
        await Open()
            .Send("consult").Asks("c1", "cancer")
            .Send("no").Asks("c1", "infection")
            .Send("no").Asks("c1", "immunosuppression")
            .Send("no").Asks("c1", "neurologicDeficit")
            .Send("no").SaysSomething("Routine: no imaging")
            .StartTestAsync();
    }

    [Fact]
    public async Task Help_an_FAQ_question_and_the_FAQ_list_mid_question_answer_and_ask_the_same_question_again()
    {
        await Open()
            .Send("start").Asks("c1", "cancer")
            .Send("yes").Asks("c1", "infection")
            .Send("help").Says("help").Asks("c1", "infection")
            .Send("why contrast?").Says("faq: " + WhyContrast).Asks("c1", "infection")
            .Send("faq").Says("faq list").Asks("c1", "infection")
            .Send(Click(new JObject { ["action"] = "faq", ["faqId"] = "bone-scan" })).SaysSomething("faq: Is a whole-body bone scan").Asks("c1", "infection")
            .Send("yes").Asks("c1", "immunosuppression")
            .StartTestAsync();
    }

    [Fact]
    public async Task New_mid_consult_starts_a_clean_consult_and_cancel_clears_it()
    {
        await Open()
            .Send("start").Asks("c1", "cancer")
            .Send("yes").Asks("c1", "infection")
            .Send("new").Asks("c2", "cancer")
            .Send("no").Asks("c2", "infection")
            .Send("cancel").Says(ConsultDialog.CancelledText)
            .Send("cancel").Says(ImagingBotActivityHandler.NoConsultToCancel)
            .StartTestAsync();
    }

    [Fact]
    public async Task Change_an_answer_shows_every_answer_in_the_quick_form_and_its_submit_gives_a_new_recommendation()
    {
        await Open()
            .Send("start").Asks("c1", "cancer")
            .Send("yes").Asks("c1", "infection")
            .Send("yes").Asks("c1", "immunosuppression")
            .Send("no").Asks("c1", "neurologicDeficit")
            .Send("no").Asks("c1", "contraindication")
            .Send("no limit").SaysSomething(MriWithoutAndWith)
            .Send(Click(new JObject { ["action"] = "change", ["consultId"] = "c1" }))
            .Says("[c1] quick form: cancer=yes infection=yes immunosuppression=no neurologicDeficit=no contraindication=None")
            .Send(Click(new JObject
            {
                ["action"] = "quickform",
                ["consultId"] = "c1",
                ["cancer"] = "yes",
                ["infection"] = "yes",
                ["immunosuppression"] = "no",
                ["neurologicDeficit"] = "no",
                ["contraindication"] = "mri",
            }))
            .SaysSomething("Routine: CT lumbar spine with IV contrast")
            .Send(Click(new JObject { ["action"] = "quickform", ["consultId"] = "c1", ["cancer"] = "no", ["infection"] = "no", ["immunosuppression"] = "no", ["neurologicDeficit"] = "no" }))
            .Says(Notes.AlreadyAnsweredNote)
            .StartTestAsync();
    }

    [Fact]
    public async Task Change_an_answer_on_the_card_of_an_older_consult_gets_the_polite_note_and_changes_nothing()
    {
        await Open()
            .Send("start").Asks("c1", "cancer")
            .Send(Click(new JObject { ["action"] = "quickform", ["consultId"] = "c1", ["cancer"] = "no", ["infection"] = "no", ["immunosuppression"] = "no", ["neurologicDeficit"] = "no" }))
            .SaysSomething("Routine: no imaging")
            .Send("start").Asks("c2", "cancer")
            .Send(Click(new JObject { ["action"] = "change", ["consultId"] = "c1" })).Says(Notes.StaleClickNote)
            .Send("yes").Asks("c2", "infection")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_click_on_an_older_consults_card_gets_the_polite_note_and_changes_nothing()
    {
        await Open()
            .Send("start").Asks("c1", "cancer")
            .Send(Answer("c1", "cancer", "yes")).Asks("c1", "infection")
            .Send("start").Asks("c2", "cancer")
            .Send(Answer("c1", "infection", "yes")).Says(Notes.StaleClickNote)
            .Send(Answer("c2", "cancer", "no")).Asks("c2", "infection")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_double_click_records_one_answer()
    {
        await Open()
            .Send("start").Asks("c1", "cancer")
            .Send(Answer("c1", "cancer", "no")).Asks("c1", "infection")
            .Send(Answer("c1", "cancer", "yes")).Says(Notes.AlreadyAnsweredNote)
            .Send(Answer("c1", "infection", "no")).Asks("c1", "immunosuppression")
            .Send(Answer("c1", "immunosuppression", "no")).Asks("c1", "neurologicDeficit")
            .Send(Answer("c1", "neurologicDeficit", "no")).SaysSomething("Routine: no imaging")   // cancer stayed "no"
            .Send(Answer("c1", "neurologicDeficit", "no")).Says(Notes.AlreadyAnsweredNote)
            .StartTestAsync();
    }

    [Fact]
    public async Task A_button_of_another_question_of_the_open_consult_is_not_taken_as_this_answer()
    {
        await Open()
            .Send("start").Asks("c1", "cancer")
            .Send(Answer("c1", "infection", "yes")).Says(Notes.StaleClickNote)
            .Send("maybe").Asks("c1", "cancer")
            .StartTestAsync();
    }

    [Fact]
    public async Task The_one_line_case_is_shown_for_confirmation_and_only_what_is_missing_is_asked()
    {
        await Open()
            .Send("58F, breast cancer in remission, fevers, no weakness")
            .AssertReply(reply =>
            {
                Assert.StartsWith("[c1/case] I understood:", Text(reply), StringComparison.Ordinal);
                Assert.Contains("history of cancer or suspected cancer", Text(reply), StringComparison.Ordinal);
                Assert.Contains("fever or suspected infection", Text(reply), StringComparison.Ordinal);
                Assert.Contains("no neurologic deficit", Text(reply), StringComparison.Ordinal);
            })
            .Send("yes").Asks("c1", "immunosuppression")
            .Send("no").Asks("c1", "contraindication")
            .Send("none").SaysSomething(MriWithoutAndWith)
            .StartTestAsync();
    }

    [Fact]
    public async Task Start_with_a_case_after_it_reads_the_case_too()
    {
        await Open()
            .Send("start 45 y, IV drug use, fever, new leg weakness").Asks("c1", "case")
            .Send("no").Asks("c1", "cancer")
            .StartTestAsync();
    }

    [Fact]
    public async Task Outside_a_consult_text_is_a_command_an_FAQ_question_or_gets_the_hint_with_suggestions()
    {
        await Open()
            .Send("help").Says("help")
            .Send("FAQ").Says("faq list")
            .Send("why contrast?").Says("faq: " + WhyContrast)
            .Send("Can a normal CRP rule out infection?").SaysSomething("faq: Can a normal ESR or CRP rule out")
            .Send(Click(new JObject { ["action"] = "faq", ["faqId"] = "bone-scan" })).SaysSomething("faq: Is a whole-body bone scan")
            .Send(Click(new JObject { ["action"] = "faqList" })).Says("faq list")
            .Send("pizza recipe").SaysSomething("not understood")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_message_with_nothing_to_read_gets_a_short_hint_and_the_consult_carries_on()
    {
        var attachmentOnly = new Activity
        {
            Type = ActivityTypes.Message,
            Attachments = [new Attachment { ContentType = "image/png", ContentUrl = "https://example.invalid/x.png" }],
        };
        await Open()
            .Send("start").Asks("c1", "cancer")
            .Send(attachmentOnly).Says(ImagingBotActivityHandler.NothingToReadHint)
            .Send("yes").Asks("c1", "infection")
            .StartTestAsync();
    }

    [Fact]
    public async Task The_welcome_comes_once_although_Teams_sends_installationUpdate_and_conversationUpdate()
    {
        var adapter = new TestAdapter();
        var installed = new Activity { Type = ActivityTypes.InstallationUpdate, Action = "add" };
        var joined = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [adapter.Conversation.Bot, adapter.Conversation.User],
        };

        await Open(adapter: adapter)
            .Send(installed).Says("help")
            .Send(joined)
            .Send(installed)
            .Send("faq").Says("faq list")   // a second welcome would have come before this
            .StartTestAsync();
    }

    [Fact]
    public async Task In_Teams_a_person_joining_a_team_posts_no_welcome_the_installation_does()
    {
        var adapter = new TestAdapter(Microsoft.Bot.Connector.Channels.Msteams);
        await Open(adapter: adapter)
            .Send(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [adapter.Conversation.User] })
            .Send(new Activity { Type = ActivityTypes.InstallationUpdate, Action = "add" }).Says("help")
            .Send(new Activity { Type = ActivityTypes.InstallationUpdate, Action = "add" })
            .Send("faq").Says("faq list")
            .StartTestAsync();
    }

    [Fact]
    public async Task The_bot_joining_alone_is_not_welcomed_but_a_person_joining_is()
    {
        var adapter = new TestAdapter();
        await Open(adapter: adapter)
            .Send(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [adapter.Conversation.Bot] })
            .Send(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [adapter.Conversation.User] }).Says("help")
            .StartTestAsync();
    }

    [Fact]
    public async Task The_mention_of_the_bot_is_stripped_in_group_chats_and_channels()
    {
        var adapter = new TestAdapter();
        var mention = new Mention { Mentioned = adapter.Conversation.Bot, Text = "<at>ImagingBot</at>" };
        await Open(adapter: adapter)
            .Send(new Activity { Type = ActivityTypes.Message, Text = "<at>ImagingBot</at> start", Entities = [mention] }).Asks("c1", "cancer")
            .Send(new Activity { Type = ActivityTypes.Message, Text = "<at>ImagingBot</at> yes", Entities = [mention] }).Asks("c1", "infection")
            .Send(new Activity { Type = ActivityTypes.Message, Text = "<at>ImagingBot</at>", Entities = [mention] }).Says("help").Asks("c1", "infection")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_consult_continues_on_a_second_bot_instance_sharing_the_store()
    {
        var store = new MemoryStorage();
        var conversation = new TestAdapter().Conversation;
        await new TestFlow(new TestAdapter(conversation), Bot(store, "c1"))
            .Send("start").Asks("c1", "cancer")
            .Send("yes").Asks("c1", "infection")
            .StartTestAsync();

        await new TestFlow(new TestAdapter(conversation), Bot(store))
            .Send(Answer("c1", "infection", "yes")).Asks("c1", "immunosuppression")
            .Send("no").Asks("c1", "neurologicDeficit")
            .Send("no").Asks("c1", "contraindication")
            .Send("no limit").SaysSomething(MriWithoutAndWith)
            .StartTestAsync();
    }

    [Fact]
    public async Task An_unknown_activity_type_is_ignored()
    {
        await Open()
            .Send(new Activity { Type = "somethingNew" })
            .Send("start").Asks("c1", "cancer")
            .StartTestAsync();
    }
}
