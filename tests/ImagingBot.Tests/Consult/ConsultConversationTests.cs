using ImagingBot.Consult;
using ImagingBot.Guidance;
using ImagingBot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using static ImagingBot.Tests.Consult.ClinicianChat;
using static ImagingBot.Tests.Support.TestPatients;

namespace ImagingBot.Tests.Consult;

/// <summary>
/// Whole consults through the real bot class, as a clinician types and clicks them: every variant of the topic, the
/// emergencies and the patients outside it, by buttons and typed; then the commands inside and outside a consult.
/// </summary>
public class ConsultConversationTests
{
    private const string MriWithoutAndWith = "MRI lumbar spine without and with IV contrast";
    private const string MriWithout = "MRI lumbar spine without IV contrast";
    private static readonly ConsultOptions Notes = new();
    private static readonly string WhyContrast = ClinicianChat.Guidance.Faq.Single(entry => entry.Id == "contrast-without-and-with").Question;

    /// <summary>Each patient of the topic: its answers, and the start of the advice it must end with.</summary>
    private static readonly Dictionary<string, (Dictionary<string, string> Answers, string Advice)> Patients = new()
    {
        ["variant 1: acute, no red flags"] = (Patient(), "Variant 1, Routine: no imaging"),
        ["variant 2: subacute or chronic, no management yet"] = (Patient(("course", "chronic")), "Variant 2, Routine: no imaging"),
        ["variant 3: after 6 weeks of optimal management"] = (Patient(("course", "managed")), "Variant 3, Routine: " + MriWithout),
        ["variant 4: cauda equina"] = (Patient(("caudaEquina", "yes")), "Variant 4, Emergent: "),
        ["variant 5: prior lumbar surgery"] = (Patient(("priorSurgery", "yes")), "Variant 5, Routine: "),
        ["variant 6: fracture risk"] = (Patient(("fractureRisk", "yes")), "Variant 6, Routine: "),
        ["variant 6: 65 or older"] = (Patient(("age", "older")), "Variant 6, Routine: "),
        ["variant 7: suspected cancer"] = (Patient(("cancer", "yes")), "Variant 7, Routine: " + MriWithoutAndWith),
        ["variant 7: suspected infection"] = (Patient(("infection", "yes")), "Variant 7, Routine: " + MriWithoutAndWith),
        ["variant 7: immunosuppression"] = (Patient(("immunosuppression", "yes")), "Variant 7, Routine: " + MriWithoutAndWith),
        ["sepsis"] = (Patient(("sepsis", "yes")), "Variant 7, Emergent: "),
        ["child"] = (Patient(("age", "child")), "Out of scope (Child)"),
        ["major trauma"] = (Patient(("majorTrauma", "yes")), "Out of scope (MajorTrauma)"),
    };

    public static TheoryData<string, bool> EveryPatientTypedAndClicked()
    {
        var data = new TheoryData<string, bool>();
        foreach (var name in Patients.Keys)
        {
            data.Add(name, false);
            data.Add(name, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPatientTypedAndClicked))]
    public async Task Every_patient_of_the_topic_gets_its_advice_by_buttons_and_typed(string patient, bool typed)
    {
        var (answers, advice) = Patients[patient];

        var walk = await WalkAsync(typed ? MessageFactory.Text("start") : Action("new"), answers, typed);

        Assert.True(walk.Advice.StartsWith(advice, StringComparison.Ordinal), $"expected \"{advice}...\", got: {walk}");
        Assert.EndsWith("[c1]", walk.Advice.Split(" Escalation: ")[0], StringComparison.Ordinal);
        // The emergency screen comes before anything else, and the questions follow the tree, each asked once.
        Assert.Equal("caudaEquina", walk.Asked[0]);
        if (answers["caudaEquina"] == "no")
        {
            Assert.Equal("sepsis", walk.Asked[1]);
        }

        AssertInTreeOrder(walk);
    }

    [Fact]
    public async Task Cauda_equina_by_button_is_emergent_at_once_with_the_escalation_and_nothing_more_is_asked()
    {
        var walk = await WalkAsync(Action("new"), Patient(("caudaEquina", "yes")), typed: false);

        Assert.Equal(["caudaEquina"], walk.Asked);
        Assert.StartsWith("Variant 4, Emergent: MRI lumbar spine", walk.Advice, StringComparison.Ordinal);
        Assert.Contains(" Escalation: ", walk.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signs_of_sepsis_are_emergent_right_after_the_screen()
    {
        var walk = await WalkAsync(MessageFactory.Text("start"), Patient(("sepsis", "yes")), typed: true);

        Assert.Equal(["caudaEquina", "sepsis"], walk.Asked);
        Assert.StartsWith("Variant 7, Emergent: ", walk.Advice, StringComparison.Ordinal);
        Assert.Contains(" Escalation: ", walk.Advice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("child", "age")]
    [InlineData("major trauma", "majorTrauma")]
    public async Task A_patient_outside_the_topic_gets_no_adult_advice_and_no_more_questions(string patient, string lastQuestion)
    {
        var walk = await WalkAsync(Action("new"), Patients[patient].Answers, typed: false);

        Assert.Equal(lastQuestion, walk.Asked[^1]);
        Assert.StartsWith("Out of scope", walk.Advice, StringComparison.Ordinal);
        Assert.DoesNotContain("Variant", walk.Advice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("variant 7: suspected cancer", "infection", "immunosuppression")]
    [InlineData("variant 7: suspected infection", "immunosuppression", null)]
    public async Task Once_one_red_flag_of_variant_7_is_yes_the_others_are_not_asked(string patient, string skipped, string? skippedToo)
    {
        var walk = await WalkAsync(Action("new"), Patients[patient].Answers, typed: false);

        Assert.DoesNotContain(skipped, walk.Asked);
        if (skippedToo is not null)
        {
            Assert.DoesNotContain(skippedToo, walk.Asked);
        }
    }

    [Theory]
    [InlineData("variant 1: acute, no red flags", false, false)]
    [InlineData("variant 2: subacute or chronic, no management yet", false, false)]
    [InlineData("variant 3: after 6 weeks of optimal management", true, false)]   // MRI without contrast: no gadolinium, no radiation
    [InlineData("variant 6: fracture risk", false, true)]                         // radiography first (ranked): no MRI question
    [InlineData("variant 7: suspected cancer", true, true)]                       // MRI without and with contrast
    public async Task The_contraindication_is_asked_only_when_an_MRI_is_ordered_first_and_pregnancy_only_for_contrast_or_radiation(string patient, bool contraindication, bool pregnancy)
    {
        var walk = await WalkAsync(Action("new"), Patients[patient].Answers, typed: false);

        Assert.Equal(contraindication, walk.Asked.Contains("contraindication"));
        Assert.Equal(pregnancy, walk.Asked.Contains("pregnancy"));
    }

    [Fact]
    public async Task Variant_6_leads_with_radiography()
    {
        var walk = await WalkAsync(Action("new"), Patients["variant 6: fracture risk"].Answers, typed: false);

        var firstLine = walk.Advice["Variant 6, Routine: ".Length..].Split(" | ");
        Assert.Contains("radiography", firstLine[0], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_MRI_unsafe_pacemaker_in_variant_7_ends_with_a_CT_study_never_no_imaging()
    {
        var walk = await WalkAsync(Action("new"), Patient(("cancer", "yes"), ("contraindication", "mri")), typed: false);

        Assert.StartsWith("Variant 7, Routine: ", walk.Advice, StringComparison.Ordinal);
        var firstLine = walk.Advice["Variant 7, Routine: ".Length..].Split(" [c1]")[0];
        Assert.DoesNotContain("MRI", firstLine, StringComparison.Ordinal);
        Assert.StartsWith("CT ", firstLine, StringComparison.Ordinal);
    }

    // The one-line cases of issue 14, typed as a clinician writes them.

    [Theory]
    [InlineData("45M, acute LBP after lifting, no fever, no cancer, not immunosuppressed, no weakness, new bladder dysfunction", 4)]
    [InlineData("67M, IV drug user, febrile 39.4, BP 82/50, confused", 7)]
    public async Task An_emergency_in_a_one_line_case_is_emergent_at_once_without_a_confirmation(string oneLineCase, int variant)
    {
        await Open()
            .Send(oneLineCase).Advises(variant, Urgency.Emergent)
            .Send("yes").AssertReply(reply => Assert.DoesNotMatch(@"^\[c1/", Text(reply)))   // nothing is pending any more
            .StartTestAsync();
    }

    [Theory]
    [InlineData("82F osteoporosis, fell from standing", 6, "age", "fractureRisk")]
    [InlineData("2 years after L4-5 fusion, worsening pain", 5, "priorSurgery", null)]
    [InlineData("10 weeks of LBP, failed physical therapy, referred for an injection", 3, "course", null)]
    public async Task A_one_line_case_is_confirmed_then_only_what_it_did_not_say_is_asked(string oneLineCase, int variant, string read, string? readToo)
    {
        var patient = variant switch
        {
            6 => Patient(("age", "older"), ("fractureRisk", "yes")),
            5 => Patient(("priorSurgery", "yes"), ("course", "chronic")),
            _ => Patient(("course", "managed")),
        };

        var walk = await WalkAsync(MessageFactory.Text(oneLineCase), patient, typed: true);

        Assert.StartsWith("[c1/case] I understood:", walk.Transcript[0], StringComparison.Ordinal);
        Assert.Equal("case", walk.Asked[0]);
        Assert.Equal(["caudaEquina", "sepsis"], walk.Asked.Skip(1).Take(2));   // the emergency screen is never answered from free text
        Assert.DoesNotContain(read, walk.Asked);
        if (readToo is not null)
        {
            Assert.DoesNotContain(readToo, walk.Asked);
        }

        Assert.True(walk.Advice.StartsWith($"Variant {variant}, Routine: ", StringComparison.Ordinal), walk.ToString());
        if (variant == 6)
        {
            Assert.Contains("radiography", walk.Advice.Split(" | ")[0], StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("12-year-old")]
    [InlineData("12-year-old with low back pain for 3 weeks after football")]
    public async Task A_child_typed_in_one_line_is_told_at_once_that_the_bot_does_not_cover_them(string oneLineCase)
    {
        await Open()
            .Send(oneLineCase).SaysSomething("Out of scope (Child) [c1]")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_wrong_reading_is_dropped_when_the_clinician_says_no_and_every_question_is_asked()
    {
        await Open()
            .Send("82F osteoporosis, fell from standing").Asks("c1", "case")
            .Send("no").Asks("c1", "caudaEquina")
            .Send("no").Asks("c1", "sepsis")
            .Send("no").Asks("c1", "age")   // the age read from the case is gone too
            .StartTestAsync();
    }

    [Fact]
    public async Task The_case_confirmation_by_button_keeps_the_reading()
    {
        await Open()
            .Send("82F osteoporosis, fell from standing").Asks("c1", "case")
            .Send(Answer("c1", "case", "yes")).Asks("c1", "caudaEquina")
            .Send(Answer("c1", "caudaEquina", "no")).Asks("c1", "sepsis")
            .Send(Answer("c1", "sepsis", "no")).AssertReply(reply => Assert.DoesNotMatch(@"^\[c1/age\]", Text(reply)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Start_with_a_case_after_it_reads_the_case_too()
    {
        await Open()
            .Send("start 82F osteoporosis, fell from standing").Asks("c1", "case")
            .Send("no").Asks("c1", "caudaEquina")
            .StartTestAsync();
    }

    [Fact]
    public async Task An_emergency_typed_at_a_routine_question_is_acted_on_at_once()
    {
        await Open()
            .Send("start").Asks("c1", "caudaEquina")
            .Send("no").Asks("c1", "sepsis")
            .Send("no").Asks("c1", "age")
            .Send("she now can't void since this morning").Advises(4, Urgency.Emergent)
            .StartTestAsync();
    }

    // Commands inside and outside a consult.

    [Fact]
    public async Task Help_an_FAQ_question_and_the_FAQ_list_mid_question_answer_and_ask_the_same_question_again()
    {
        await Open()
            .Send("start").Asks("c1", "caudaEquina")
            .Send("no").Asks("c1", "sepsis")
            .Send("help").Says("help").Asks("c1", "sepsis")
            .Send("why contrast?").Says("faq: " + WhyContrast).Asks("c1", "sepsis")
            .Send("faq").Says("faq list").Asks("c1", "sepsis")
            .Send(Click(new JObject { ["action"] = "faq", ["faqId"] = "contrast-without-and-with" })).Says("faq: " + WhyContrast).Asks("c1", "sepsis")
            .Send(Action("faqList")).Says("faq list").Asks("c1", "sepsis")
            .Send(Action("help")).Says("help").Asks("c1", "sepsis")
            .Send("no").Asks("c1", "age")   // the answers before the commands are kept
            .StartTestAsync();
    }

    [Fact]
    public async Task Outside_a_consult_text_is_a_command_an_FAQ_question_or_gets_the_hint_with_suggestions()
    {
        await Open()
            .Send("help").Says("help")
            .Send("FAQ").Says("faq list")
            .Send("why contrast?").Says("faq: " + WhyContrast)
            .Send(Click(new JObject { ["action"] = "faq", ["faqId"] = "contrast-without-and-with" })).Says("faq: " + WhyContrast)
            .Send(Action("faqList")).Says("faq list")
            .Send(Action("help")).Says("help")
            .Send("pizza recipe").SaysSomething("not understood")
            .Send("cancel").Says(Notes.NoConsultToCancelNote)
            .Send("change an answer").Says(Notes.NoConsultToChangeNote)
            .Send(Action("change", "c9")).Says(Notes.NoConsultToChangeNote)
            .StartTestAsync();
    }

    [Fact]
    public async Task New_mid_consult_starts_a_clean_consult_and_cancel_clears_it()
    {
        await Open()
            .Send("start").Asks("c1", "caudaEquina")
            .Send("no").Asks("c1", "sepsis")
            .Send("new").Asks("c2", "caudaEquina")
            .Send("no").Asks("c2", "sepsis")
            .Send(Action("new")).Asks("c3", "caudaEquina")
            .Send("cancel").Says(Notes.CancelledNote)
            .Send("cancel").Says(Notes.NoConsultToCancelNote)
            .Send("no").AssertReply(reply => Assert.DoesNotMatch(@"^\[c3/", Text(reply)))   // nothing of the cancelled consult is left
            .StartTestAsync();
    }

    [Fact]
    public async Task Change_an_answer_shows_every_answer_in_the_quick_form_and_its_submit_gives_new_advice()
    {
        await Open()
            .Send("start").Asks("c1", "caudaEquina")
            .Send("yes").Advises(4, Urgency.Emergent)
            .Send(Action("change", "c1"))
            .AssertReply(reply =>
            {
                Assert.StartsWith("[c1] quick form: ", Text(reply), StringComparison.Ordinal);
                Assert.Contains("caudaEquina=yes", Text(reply), StringComparison.Ordinal);
                Assert.Contains("age=?", Text(reply), StringComparison.Ordinal);
            })
            .Send(QuickForm("c1", Patient(("cancer", "yes"))))
            .Advises(7, Urgency.Routine)
            .Send(QuickForm("c1", Patient())).Says(Notes.AlreadyAnsweredNote)   // the form was sent: a second submit changes nothing
            .StartTestAsync();
    }

    [Fact]
    public async Task Change_an_answer_typed_mid_consult_opens_the_quick_form_with_the_answers_so_far()
    {
        await Open()
            .Send("start").Asks("c1", "caudaEquina")
            .Send("no").Asks("c1", "sepsis")
            .Send("change an answer").AssertReply(reply =>
            {
                Assert.StartsWith("[c1] quick form: ", Text(reply), StringComparison.Ordinal);
                Assert.Contains("caudaEquina=no sepsis=?", Text(reply), StringComparison.Ordinal);
            })
            .Send(QuickForm("c1", Patient(("course", "chronic")))).Advises(2, Urgency.Routine)
            .StartTestAsync();
    }

    [Fact]
    public async Task Change_an_answer_on_the_card_of_an_older_consult_gets_the_polite_note_and_changes_nothing()
    {
        await Open()
            .Send("start").Asks("c1", "caudaEquina")
            .Send("yes").Advises(4, Urgency.Emergent)
            .Send("start").Asks("c2", "caudaEquina")
            .Send(Action("change", "c1")).Says(Notes.StaleClickNote)
            .Send(QuickForm("c1", Patient())).Says(Notes.StaleClickNote)
            .Send("no").Asks("c2", "sepsis")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_click_on_an_older_consults_card_gets_the_polite_note_and_changes_nothing()
    {
        await Open()
            .Send("start").Asks("c1", "caudaEquina")
            .Send(Answer("c1", "caudaEquina", "no")).Asks("c1", "sepsis")
            .Send("start").Asks("c2", "caudaEquina")
            .Send(Answer("c1", "sepsis", "yes")).Says(Notes.StaleClickNote)
            .Send(Answer("c2", "caudaEquina", "no")).Asks("c2", "sepsis")
            .Send(Answer("c2", "sepsis", "no")).Asks("c2", "age")   // the stale "sepsis yes" was not recorded
            .StartTestAsync();
    }

    [Fact]
    public async Task A_double_click_records_one_answer()
    {
        await Open()
            .Send("start").Asks("c1", "caudaEquina")
            .Send(Answer("c1", "caudaEquina", "no")).Asks("c1", "sepsis")
            .Send(Answer("c1", "caudaEquina", "yes")).Says(Notes.AlreadyAnsweredNote)
            .Send(Answer("c1", "sepsis", "yes")).Advises(7, Urgency.Emergent)
            .Send(Answer("c1", "sepsis", "yes")).Says(Notes.AlreadyAnsweredNote)
            .StartTestAsync();
    }

    [Fact]
    public async Task A_button_of_another_question_of_the_open_consult_is_not_taken_as_this_answer()
    {
        await Open()
            .Send("start").Asks("c1", "caudaEquina")
            .Send(Answer("c1", "sepsis", "yes")).Asks("c1", "caudaEquina")
            .Send("no").Asks("c1", "sepsis")   // sepsis is still open: the earlier click was not recorded
            .StartTestAsync();
    }

    [Fact]
    public async Task A_typed_answer_that_is_not_clear_is_asked_again_never_guessed_and_then_the_quick_form_is_offered()
    {
        await Open()
            .Send("start").Asks("c1", "caudaEquina")
            .Send("no").Asks("c1", "sepsis")
            .Send("no").Asks("c1", "age")
            .Send("maybe").AssertReply(reply => Assert.Equal($"[c1/age] {ClinicianChat.Guidance.Questions.Single(q => q.Key == "age").Prompt}", Text(reply)))
            .Send("hmm").AssertReply(reply =>
            {
                Assert.StartsWith("[c1/age]", Text(reply), StringComparison.Ordinal);
                Assert.EndsWith(TextConsultCards.QuickFormOffered, Text(reply), StringComparison.Ordinal);
            })
            .Send(Action("openQuickForm", "c1")).SaysSomething("[c1] quick form: caudaEquina=no sepsis=no age=?")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_card_submit_sent_as_a_JSON_string_is_the_same_as_one_sent_as_an_object()
    {
        var answer = new JObject { ["action"] = "answer", ["consultId"] = "c1", ["questionId"] = "caudaEquina", ["value"] = "no" };
        await Open()
            .Send("start").Asks("c1", "caudaEquina")
            .Send(ClickAsString(answer)).Asks("c1", "sepsis")
            .Send(ClickAsString(answer)).Says(Notes.AlreadyAnsweredNote)
            .Send(Click(answer)).Says(Notes.AlreadyAnsweredNote)
            .Send(ClickAsString(new JObject { ["action"] = "faq", ["faqId"] = "contrast-without-and-with" })).Says("faq: " + WhyContrast).Asks("c1", "sepsis")
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
            .Send("start").Asks("c1", "caudaEquina")
            .Send(attachmentOnly).Says(Notes.NothingToReadNote)
            .Send("no").Asks("c1", "sepsis")
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
            .Send(new Activity { Type = ActivityTypes.Message, Text = "<at>ImagingBot</at> start", Entities = [mention] }).Asks("c1", "caudaEquina")
            .Send(new Activity { Type = ActivityTypes.Message, Text = "<at>ImagingBot</at> no", Entities = [mention] }).Asks("c1", "sepsis")
            .Send(new Activity { Type = ActivityTypes.Message, Text = "<at>ImagingBot</at>", Entities = [mention] }).Says("help").Asks("c1", "sepsis")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_consult_continues_on_a_second_bot_instance_sharing_the_store()
    {
        var store = new ConcurrentMemoryStorage(TimeSpan.FromHours(1));
        var conversation = new TestAdapter().Conversation;
        await new TestFlow(new TestAdapter(conversation), Bot(store, "c1"))
            .Send("82F osteoporosis, fell from standing").Asks("c1", "case")
            .StartTestAsync();

        // The second instance has its own consult ids: only the store carries c1 and its unconfirmed reading.
        await new TestFlow(new TestAdapter(conversation), Bot(store, "other"))
            .Send(Answer("c1", "case", "yes")).Asks("c1", "caudaEquina")
            .Send("no").Asks("c1", "sepsis")
            .Send("no").AssertReply(reply => Assert.DoesNotMatch(@"^\[c1/age\]", Text(reply)))   // the age read from the case survived the store
            .StartTestAsync();
    }

    [Fact]
    public async Task One_conversations_answers_never_reach_another_conversations_consult()
    {
        // Reading a stored consult once wrote its answers into the default answers every new consult starts from.
        var first = new TestAdapter(new ConversationReference { ChannelId = "test", ServiceUrl = "https://test.com", User = new ChannelAccount("user1"), Bot = new ChannelAccount("bot"), Conversation = new ConversationAccount(id: "first") });
        await Open(adapter: first)
            .Send("start").Asks("c1", "caudaEquina")
            .Send("no").Asks("c1", "sepsis")
            .Send("no").Asks("c1", "age")
            .Send("help").Says("help").Asks("c1", "age")
            .StartTestAsync();

        await Open()
            .Send("start").Asks("c1", "caudaEquina")
            .Send("yes").Advises(4, Urgency.Emergent)
            .StartTestAsync();
    }

    [Fact]
    public async Task An_unknown_activity_type_is_ignored()
    {
        await Open()
            .Send(new Activity { Type = "somethingNew" })
            .Send("start").Asks("c1", "caudaEquina")
            .StartTestAsync();
    }

    private static Activity QuickForm(string consultId, IReadOnlyDictionary<string, string> answers)
    {
        var data = new JObject { ["action"] = "quickform", ["consultId"] = consultId };
        foreach (var (key, value) in answers)
        {
            data[key] = value;
        }

        return Click(data);
    }

    private static void AssertInTreeOrder(ConsultWalk walk)
    {
        var positions = walk.Asked.Where(key => key != ConsultState.CaseStep).Select(key => TreeOrder.ToList().IndexOf(key)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.True(positions.Zip(positions.Skip(1)).All(pair => pair.First < pair.Second), "asked out of the tree's order or twice: " + string.Join(", ", walk.Asked));
    }
}
