using System.Text;
using ImagingBot.Dialogs;
using ImagingBot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using static ImagingBot.Tests.Dialogs.ToyFlow;

namespace ImagingBot.Tests.Dialogs;

public class WaterfallTests
{
    private static TestFlow Flow(IStorage? storage = null, TestAdapter? adapter = null, params string[] ids) =>
        new(adapter ?? new TestAdapter(), new ToyIntakeBot(storage ?? new MemoryStorage(), Ids(ids.Length == 0 ? ["c1", "c2", "c3"] : ids)));

    [Fact]
    public async Task Steps_are_asked_in_order_and_each_answer_reaches_the_end()
    {
        await Flow()
            .Send("start").AssertQuestion(Fever, "c1", "fever")
            .Send("yes").AssertQuestion(Cancer, "c1", "cancer")
            .Send("NO!").AssertQuestion(Steroids, "c1", "steroids")
            .Send("y").AssertReply("Done: fever=yes, cancer=no, steroids=yes")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_step_that_does_not_apply_is_skipped()
    {
        await Flow()
            .Send("start").AssertQuestion(Fever, "c1", "fever")
            .Send("nope").AssertQuestion(Cancer, "c1", "cancer")
            .Send("yes.").AssertReply("Done: fever=no, cancer=yes, steroids=skipped")
            .StartTestAsync();
    }

    [Fact]
    public async Task An_unrecognised_answer_is_reprompted_and_repeated_misses_also_offer_the_quick_form()
    {
        await Flow()
            .Send("start").AssertQuestion(Fever, "c1", "fever")
            .Send("maybe").AssertQuestion(ToyIntakeBot.Reprompt(Fever), "c1", "fever")
            .Send("not sure").AssertQuestion(ToyIntakeBot.Reprompt(Fever, offerQuickForm: true), "c1", "fever")
            .AssertQuestion(ToyIntakeBot.QuickFormOfferText, "c1", questionId: null)
            .Send("yess").AssertQuestion(ToyIntakeBot.Reprompt(Fever, offerQuickForm: true), "c1", "fever")
            .AssertQuestion(ToyIntakeBot.QuickFormOfferText, "c1", questionId: null)
            .Send("yes").AssertQuestion(Cancer, "c1", "cancer")
            // The count starts again on the next step: one miss is a plain reprompt.
            .Send("probably").AssertQuestion(ToyIntakeBot.Reprompt(Cancer), "c1", "cancer")
            .Send("no").AssertQuestion(Steroids, "c1", "steroids")
            .StartTestAsync();
    }

    [Fact]
    public async Task How_many_misses_bring_the_quick_form_is_a_setting()
    {
        await new TestFlow(new TestAdapter(), new ToyIntakeBot(new MemoryStorage(), Ids("c1"), missesBeforeQuickForm: 3))
            .Send("start").AssertQuestion(Fever, "c1", "fever")
            .Send("a").AssertQuestion(ToyIntakeBot.Reprompt(Fever), "c1", "fever")
            .Send("b").AssertQuestion(ToyIntakeBot.Reprompt(Fever), "c1", "fever")
            .Send("c").AssertQuestion(ToyIntakeBot.Reprompt(Fever, offerQuickForm: true), "c1", "fever")
            .AssertQuestion(ToyIntakeBot.QuickFormOfferText, "c1", questionId: null)
            .StartTestAsync();
    }

    [Fact]
    public void A_waterfall_that_would_never_offer_the_quick_form_is_refused_at_start_up()
    {
        var accessor = new ChangeTrackedConversationState(new MemoryStorage()).CreateProperty<WaterfallState<ToyAnswers>>("intake");

        var refused = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new Waterfall<ToyAnswers>(accessor, ToyIntakeBot.Steps, new WaterfallOptions { MissesBeforeQuickForm = 0 }) { OnCompleted = (_, _, _) => Task.CompletedTask });
        Assert.Equal(nameof(WaterfallOptions.MissesBeforeQuickForm), refused.ParamName);
    }

    [Fact]
    public void A_new_consult_id_is_eight_easily_read_characters_and_differs_from_the_last()
    {
        var ids = Enumerable.Range(0, 1_000).Select(_ => new WaterfallOptions().NewConsultId()).ToList();

        Assert.All(ids, id => Assert.Matches("^[a-km-np-z2-9]{8}$", id));
        // 1,000 ids from 32^8: a repeat would be a broken generator, not bad luck (about 1 chance in 2 million).
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        // Every character of the alphabet turns up: the ids use all of it, so none is left out by a wrong mapping.
        Assert.Equal(32, ids.SelectMany(id => id).Distinct().Count());
    }

    [Fact]
    public async Task The_quick_form_answers_every_step_in_one_submit()
    {
        await Flow()
            .Send("start").AssertQuestion(Fever, "c1", "fever")
            .Send("?").AssertQuestion(ToyIntakeBot.Reprompt(Fever), "c1", "fever")
            .Send("??").AssertQuestion(ToyIntakeBot.Reprompt(Fever, offerQuickForm: true), "c1", "fever")
            .AssertQuestion(ToyIntakeBot.QuickFormOfferText, "c1", questionId: null)
            .Send(QuickForm("c1", fever: "no", cancer: "yes")).AssertReply("Done: fever=no, cancer=yes, steroids=skipped")
            // Submitted twice (a double click): noted, and the consult is not completed again.
            .Send(QuickForm("c1", fever: "yes", cancer: "no")).AssertReply(new WaterfallOptions().AlreadyAnsweredNote)
            .StartTestAsync();
    }

    [Fact]
    public async Task Button_answers_arrive_in_Value_with_empty_text()
    {
        await Flow()
            .Send("start").AssertQuestion(Fever, "c1", "fever")
            .Send(Click("c1", "fever", "yes")).AssertQuestion(Cancer, "c1", "cancer")
            .Send(Click("c1", "cancer", "no")).AssertQuestion(Steroids, "c1", "steroids")
            .Send(Click("c1", "steroids", "no")).AssertReply("Done: fever=yes, cancer=no, steroids=no")
            .StartTestAsync();
    }

    [Fact]
    public async Task Changing_an_earlier_answer_keeps_the_others_and_asks_only_what_now_applies()
    {
        await Flow()
            .Send("start").AssertQuestion(Fever, "c1", "fever")
            .Send("no").AssertQuestion(Cancer, "c1", "cancer")
            .Send("no").AssertReply("Done: fever=no, cancer=no, steroids=skipped")
            // Fever becomes yes: cancer keeps its answer, steroids now applies and is asked.
            .Send("change fever").AssertQuestion(Fever, "c1", "fever")
            .Send("yes").AssertQuestion(Steroids, "c1", "steroids")
            .Send("yes").AssertReply("Done: fever=yes, cancer=no, steroids=yes")
            // Fever back to no: steroids no longer applies, is skipped and loses its answer.
            .Send("change fever").AssertQuestion(Fever, "c1", "fever")
            .Send("no").AssertReply("Done: fever=no, cancer=no, steroids=skipped")
            .StartTestAsync();
    }

    [Fact]
    public async Task Changing_an_answer_in_the_middle_returns_to_the_step_that_was_pending()
    {
        await Flow()
            .Send("start").AssertQuestion(Fever, "c1", "fever")
            .Send("yes").AssertQuestion(Cancer, "c1", "cancer")
            .Send("change fever").AssertQuestion(Fever, "c1", "fever")
            .Send("yes").AssertQuestion(Cancer, "c1", "cancer")
            .Send("no").AssertQuestion(Steroids, "c1", "steroids")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_finished_consult_reopens_for_a_form_that_changes_several_answers_and_an_older_one_does_not()
    {
        await Flow()
            .Send("start").AssertQuestion(Fever, "c1", "fever")
            .Send("no").AssertQuestion(Cancer, "c1", "cancer")
            .Send("no").AssertReply("Done: fever=no, cancer=no, steroids=skipped")
            .Send("reopen c0").AssertReply(ToyIntakeBot.NotReopenedText)
            // Nothing is asked: the caller shows the form with the answers given.
            .Send("reopen c1").AssertReply("Form for c1/fever: Done: fever=no, cancer=no, steroids=skipped")
            .Send(QuickForm("c1", fever: "yes", cancer: "no")).AssertQuestion(Steroids, "c1", "steroids")
            .Send("no").AssertReply("Done: fever=yes, cancer=no, steroids=no")
            .Send(QuickForm("c1", fever: "no", cancer: "no")).AssertReply(new WaterfallOptions().AlreadyAnsweredNote)
            .StartTestAsync();
    }

    [Fact]
    public async Task Changing_an_answer_can_clear_the_answers_after_it()
    {
        await Flow()
            .Send("start").AssertQuestion(Fever, "c1", "fever")
            .Send("yes").AssertQuestion(Cancer, "c1", "cancer")
            .Send("yes").AssertQuestion(Steroids, "c1", "steroids")
            .Send("no").AssertReply("Done: fever=yes, cancer=yes, steroids=no")
            .Send("change fever and after").AssertQuestion(Fever, "c1", "fever")
            .Send("yes").AssertQuestion(Cancer, "c1", "cancer")
            .Send("no").AssertQuestion(Steroids, "c1", "steroids")
            .Send("yes").AssertReply("Done: fever=yes, cancer=no, steroids=yes")
            .StartTestAsync();
    }

    [Fact]
    public async Task Cancel_forgets_the_consult_and_its_buttons_become_stale()
    {
        await Flow()
            .Send("start").AssertQuestion(Fever, "c1", "fever")
            .Send("yes").AssertQuestion(Cancer, "c1", "cancer")
            .Send("cancel").AssertReply(ToyIntakeBot.CancelledText)
            .Send("yes").AssertReply(ToyIntakeBot.NoConsultText)
            .Send(Click("c1", "cancer", "yes")).AssertReply(new WaterfallOptions().StaleClickNote)
            .Send("start").AssertQuestion(Fever, "c2", "fever")
            .StartTestAsync();
    }

    [Fact]
    public async Task Starting_over_in_the_middle_begins_a_clean_consult_with_a_new_id()
    {
        await Flow()
            .Send("start").AssertQuestion(Fever, "c1", "fever")
            .Send("yes").AssertQuestion(Cancer, "c1", "cancer")
            .Send("start over").AssertQuestion(Fever, "c2", "fever")
            .Send(Click("c1", "cancer", "yes")).AssertReply(new WaterfallOptions().StaleClickNote)
            .Send("no").AssertQuestion(Cancer, "c2", "cancer")
            .Send("no").AssertReply("Done: fever=no, cancer=no, steroids=skipped")
            .StartTestAsync();
    }

    [Fact]
    public async Task An_interruption_is_answered_and_the_same_question_is_asked_again()
    {
        await Flow()
            .Send("start").AssertQuestion(Fever, "c1", "fever")
            .Send("yes").AssertQuestion(Cancer, "c1", "cancer")
            .Send("help").AssertReply(ToyIntakeBot.HelpText).AssertQuestion(Cancer, "c1", "cancer")
            .Send("no").AssertQuestion(Steroids, "c1", "steroids")
            .Send("no").AssertReply("Done: fever=yes, cancer=no, steroids=no")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_click_from_another_consult_gets_a_note_and_changes_nothing()
    {
        await Flow()
            .Send("start").AssertQuestion(Fever, "c1", "fever")
            .Send(Click("zz999999", "fever", "no")).AssertReply(new WaterfallOptions().StaleClickNote)
            // Fever is still pending, and the stale "no" was not recorded.
            .Send("yes").AssertQuestion(Cancer, "c1", "cancer")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_double_click_records_exactly_one_answer()
    {
        await Flow()
            .Send("start").AssertQuestion(Fever, "c1", "fever")
            .Send(Click("c1", "fever", "yes")).AssertQuestion(Cancer, "c1", "cancer")
            .Send(Click("c1", "fever", "yes")).AssertReply(new WaterfallOptions().AlreadyAnsweredNote)
            // A quick second click on the other button does not overwrite the first answer either.
            .Send(Click("c1", "fever", "no")).AssertReply(new WaterfallOptions().AlreadyAnsweredNote)
            .Send(Click("c1", "cancer", "no")).AssertQuestion(Steroids, "c1", "steroids")
            .Send(Click("c1", "steroids", "yes")).AssertReply("Done: fever=yes, cancer=no, steroids=yes")
            .Send(Click("c1", "steroids", "yes")).AssertReply(new WaterfallOptions().AlreadyAnsweredNote)
            .StartTestAsync();
    }

    [Fact]
    public async Task A_click_on_a_question_not_reached_yet_changes_nothing()
    {
        await Flow()
            .Send("start").AssertQuestion(Fever, "c1", "fever")
            .Send(Click("c1", "steroids", "yes")).AssertReply(new WaterfallOptions().StaleClickNote)
            .Send("no").AssertQuestion(Cancer, "c1", "cancer")
            .Send("no").AssertReply("Done: fever=no, cancer=no, steroids=skipped")
            .StartTestAsync();
    }

    [Fact]
    public async Task Text_after_a_finished_consult_is_left_to_the_caller()
    {
        await Flow()
            .Send("start").AssertQuestion(Fever, "c1", "fever")
            .Send("no").AssertQuestion(Cancer, "c1", "cancer")
            .Send("no").AssertReply("Done: fever=no, cancer=no, steroids=skipped")
            .Send("yes").AssertReply(ToyIntakeBot.NoConsultText)
            .Send("start").AssertQuestion(Fever, "c2", "fever")
            .StartTestAsync();
    }

    [Fact]
    public async Task Other_card_actions_are_left_to_the_caller_not_noted_as_stale_clicks()
    {
        var changeAnAnswer = new Activity
        {
            Type = ActivityTypes.Message,
            Value = new Newtonsoft.Json.Linq.JObject { ["action"] = "change", ["consultId"] = "c1" },
        };

        await Flow()
            .Send("start").AssertQuestion(Fever, "c1", "fever")
            .Send("no").AssertQuestion(Cancer, "c1", "cancer")
            .Send("no").AssertReply("Done: fever=no, cancer=no, steroids=skipped")
            .Send(changeAnAnswer).AssertReply(ToyIntakeBot.NoConsultText)
            .StartTestAsync();
    }

    [Fact]
    public async Task A_consult_continues_on_a_second_bot_instance_sharing_the_store()
    {
        // One MemoryStorage object stands for the shared store (Redis in production); each instance has
        // its own adapter, conversation state and bot, so only what was stored can carry the consult over.
        var store = new MemoryStorage();

        await Flow(store, ids: "c1")
            .Send("start").AssertQuestion(Fever, "c1", "fever")
            .Send("yes").AssertQuestion(Cancer, "c1", "cancer")
            .StartTestAsync();

        await Flow(store, ids: "c9")
            .Send("help").AssertReply(ToyIntakeBot.HelpText).AssertQuestion(Cancer, "c1", "cancer")
            .Send(Click("c1", "fever", "no")).AssertReply(new WaterfallOptions().AlreadyAnsweredNote)
            .Send(Click("c1", "cancer", "no")).AssertQuestion(Steroids, "c1", "steroids")
            .Send("yes").AssertReply("Done: fever=yes, cancer=no, steroids=yes")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_consult_stored_by_an_older_release_with_a_step_that_no_longer_exists_carries_on()
    {
        var store = new MemoryStorage();
        var adapter = new TestAdapter();
        // Older releases kept the consult in Bot Framework's ConversationState: the same key and stored dictionary.
        var olderRelease = new ConversationState(store);
        await new TestFlow(adapter, async (turn, cancellationToken) =>
            {
                var stored = new WaterfallState<ToyAnswers> { ConsultId = "c1", Pending = "renamed", Answers = new ToyAnswers(Fever: true) };
                await olderRelease.CreateProperty<WaterfallState<ToyAnswers>>("intake").SetAsync(turn, stored, cancellationToken);
                await olderRelease.SaveChangesAsync(turn, false, cancellationToken);
            })
            .Send("anything")
            .StartTestAsync();

        await Flow(store, adapter)
            .Send("yes").AssertQuestion(Cancer, "c1", "cancer")
            .Send("no").AssertQuestion(Steroids, "c1", "steroids")
            .StartTestAsync();
    }

    [Fact]
    public async Task Each_consult_gets_a_fresh_short_id()
    {
        var ids = new List<string>();
        await new TestFlow(new TestAdapter(), new ToyIntakeBot(new MemoryStorage()))
            .Send("start").CaptureConsultId(ids)
            .Send("start").CaptureConsultId(ids)
            .StartTestAsync();

        Assert.All(ids, id => Assert.Matches("^[a-z2-9]{8}$", id));
        Assert.NotEqual(ids[0], ids[1]);
    }

    [Fact]
    public async Task A_message_outside_a_consult_stores_nothing()
    {
        var store = new MemoryStorage();
        var adapter = new TestAdapter();
        await Flow(store, adapter).Send("hello").AssertReply(ToyIntakeBot.NoConsultText).StartTestAsync();

        var json = await StoredJsonAsync(store, adapter);
        Assert.DoesNotContain("intake", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stored_consult_is_small_and_holds_no_card()
    {
        var store = new MemoryStorage();
        var adapter = new TestAdapter();
        await Flow(store, adapter)
            .Send("start").AssertQuestion(Fever, "c1", "fever")
            .Send("yes").AssertQuestion(Cancer, "c1", "cancer")
            .Send("maybe").AssertQuestion(ToyIntakeBot.Reprompt(Cancer), "c1", "cancer")
            .StartTestAsync();

        // Serialised as MemoryStorage does (with .NET type names), which is larger than a store without them.
        var json = await StoredJsonAsync(store, adapter);

        Assert.InRange(Encoding.UTF8.GetByteCount(json), 1, 2048);
        Assert.DoesNotContain("AdaptiveCard", json, StringComparison.Ordinal);
        Assert.DoesNotContain(Cancer, json, StringComparison.Ordinal);
        Assert.Contains("\"q\":\"cancer\"", json, StringComparison.Ordinal);
    }

    private static async Task<string> StoredJsonAsync(MemoryStorage store, TestAdapter adapter)
    {
        var conversation = adapter.Conversation;
        var key = $"{conversation.ChannelId}/conversations/{conversation.Conversation.Id}";
        var stored = (await store.ReadAsync([key], CancellationToken.None)).Values.SingleOrDefault();
        return JsonConvert.SerializeObject(stored, new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All });
    }
}
