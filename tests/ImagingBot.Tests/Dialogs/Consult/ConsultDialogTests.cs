using ImagingBot.Dialogs;
using ImagingBot.Dialogs.Consult;
using ImagingBot.Guidance;
using ImagingBot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;

namespace ImagingBot.Tests.Dialogs.Consult;

public class ConsultDialogTests
{
    private sealed class ConsultBot(IStorage storage) : IBot
    {
        private static readonly GuidanceDocument Guidance = GuidanceLoader.LoadDefault();
        private readonly ChangeTrackedConversationState state = new(storage);

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            var consult = new ConsultDialog(state, Guidance, new ImagingDecision(Guidance), new FaqSearch(Guidance), new TextConsultCards(),
                new WaterfallOptions { NewConsultId = () => "c1" });
            var text = turnContext.Activity.Text ?? string.Empty;
            if (text.StartsWith("start", StringComparison.Ordinal))
            {
                await consult.StartAsync(turnContext, text["start".Length..], cancellationToken);
            }
            else if ((await consult.ContinueAsync(turnContext, cancellationToken)).Outcome == TurnOutcome.NotHandled)
            {
                await turnContext.SendActivityAsync("outside", cancellationToken: cancellationToken);
            }

            await state.SaveChangesAsync(turnContext, false, cancellationToken);
        }
    }

    private static TestFlow Flow(IStorage? storage = null, TestAdapter? adapter = null) =>
        new(adapter ?? new TestAdapter(), new ConsultBot(storage ?? new MemoryStorage()));

    [Fact]
    public async Task The_articles_patient_ends_with_MRI_without_and_with_contrast()
    {
        await Flow()
            .Send("start").AssertReply(reply => Assert.True(reply.AsMessageActivity().Text.StartsWith("[c1/cancer]", StringComparison.Ordinal), reply.AsMessageActivity().Text))
            .Send("yes").AssertReply(reply => Assert.True(reply.AsMessageActivity().Text.StartsWith("[c1/infection]", StringComparison.Ordinal), reply.AsMessageActivity().Text))
            .Send("yes").AssertReply(reply => Assert.True(reply.AsMessageActivity().Text.StartsWith("[c1/immunosuppression]", StringComparison.Ordinal), reply.AsMessageActivity().Text))
            .Send("no").AssertReply(reply => Assert.True(reply.AsMessageActivity().Text.StartsWith("[c1/neurologicDeficit]", StringComparison.Ordinal), reply.AsMessageActivity().Text))
            .Send("no").AssertReply("[c1/contraindication] MRI with contrast possible?")
            .Send("yes").AssertReply(reply => Assert.Contains("Routine: MRI lumbar spine without and with IV contrast (Usually Appropriate)", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task The_one_line_case_is_confirmed_and_only_the_rest_is_asked()
    {
        await Flow()
            .Send("start 58F, breast cancer in remission, fevers, no weakness")
            .AssertReply(reply => Assert.True(reply.AsMessageActivity().Text.StartsWith("[c1/case] I understood:", StringComparison.Ordinal), reply.AsMessageActivity().Text))
            .Send("yes").AssertReply(reply => Assert.True(reply.AsMessageActivity().Text.StartsWith("[c1/immunosuppression]", StringComparison.Ordinal), reply.AsMessageActivity().Text))
            .Send("no").AssertReply("[c1/contraindication] MRI with contrast possible?")
            .Send("mri not possible").AssertReply(reply => Assert.Contains("CT lumbar spine with IV contrast", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task No_red_flags_and_no_deficits_skip_the_contraindication_question()
    {
        await Flow()
            .Send("start").AssertReply(_ => { })
            .Send("no").AssertReply(_ => { })
            .Send("no").AssertReply(_ => { })
            .Send("no").AssertReply(_ => { })
            .Send("no").AssertReply(reply => Assert.True(reply.AsMessageActivity().Text.StartsWith("Routine: no imaging", StringComparison.Ordinal), reply.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_plain_no_to_the_contraindication_question_is_reprompted()
    {
        await Flow()
            .Send("start").AssertReply(_ => { })
            .Send("yes").AssertReply(_ => { })
            .Send("no").AssertReply(_ => { })
            .Send("no").AssertReply(_ => { })
            .Send("yes").AssertReply("[c1/contraindication] MRI with contrast possible?")
            .Send("no").AssertReply("[c1/contraindication] MRI with contrast possible?")
            .Send("no contrast").AssertReply(reply => Assert.Contains("Emergent: MRI lumbar spine without IV contrast", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_one_line_case_that_is_not_confirmed_asks_every_question()
    {
        await Flow()
            .Send("start 58F, breast cancer, fevers").AssertReply(_ => { })
            .Send("no").AssertReply(reply => Assert.True(reply.AsMessageActivity().Text.StartsWith("[c1/cancer]", StringComparison.Ordinal), reply.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_consult_continues_on_a_second_instance_and_its_stored_state_stays_under_2_KB()
    {
        var store = new MemoryStorage();
        var adapter = new TestAdapter();
        await Flow(store, adapter)
            .Send("start 58F, breast cancer in remission, fevers, no weakness").AssertReply(_ => { })
            .Send("yes").AssertReply(_ => { })
            .Send("no").AssertReply("[c1/contraindication] MRI with contrast possible?")
            .StartTestAsync();

        var key = $"{adapter.Conversation.ChannelId}/conversations/{adapter.Conversation.Conversation.Id}";
        var stored = (await store.ReadAsync([key], CancellationToken.None)).Values.Single();
        var json = Newtonsoft.Json.JsonConvert.SerializeObject(stored, new Newtonsoft.Json.JsonSerializerSettings { TypeNameHandling = Newtonsoft.Json.TypeNameHandling.All });
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(json), 1, 2048);

        await Flow(store)
            .Send(new Microsoft.Bot.Schema.Activity
            {
                Type = Microsoft.Bot.Schema.ActivityTypes.Message,
                Value = new Newtonsoft.Json.Linq.JObject { ["action"] = "answer", ["consultId"] = "c1", ["questionId"] = "contraindication", ["value"] = "none" },
            })
            .AssertReply(reply => Assert.Contains("MRI lumbar spine without and with IV contrast (Usually Appropriate)", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task The_quick_form_answers_the_whole_intake_in_one_submit()
    {
        await Flow()
            .Send("start").AssertReply(_ => { })
            .Send(new Microsoft.Bot.Schema.Activity
            {
                Type = Microsoft.Bot.Schema.ActivityTypes.Message,
                Value = new Newtonsoft.Json.Linq.JObject
                {
                    ["action"] = "quickform",
                    ["consultId"] = "c1",
                    ["cancer"] = "no",
                    ["infection"] = "no",
                    ["immunosuppression"] = "no",
                    ["neurologicDeficit"] = "yes",
                    ["contraindication"] = "none",
                },
            })
            .AssertReply(reply => Assert.StartsWith("Emergent:", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
    }
}
