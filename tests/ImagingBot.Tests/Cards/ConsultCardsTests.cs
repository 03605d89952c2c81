using ImagingBot.Cards;
using ImagingBot.Dialogs;
using ImagingBot.Dialogs.Consult;
using ImagingBot.Guidance;
using ImagingBot.Hosting;
using ImagingBot.Templating;
using Microsoft.AspNetCore.Builder;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Tests.Cards;

/// <summary>The cards around the recommendation: what their buttons send and what a channel without cards reads.</summary>
public sealed class ConsultCardsTests(ConsultCardsFixture fixture) : IClassFixture<ConsultCardsFixture>
{
    [Fact]
    public void A_question_card_shows_the_guidance_criteria_and_its_buttons_answer_this_question_of_this_consult()
    {
        var question = fixture.Guidance.Question(IntakeQuestionId.SuspectedInfection);
        var activity = fixture.Cards.Question(question, ConsultSteps.Infection, ConsultCardsFixture.Prompt(ConsultSteps.Infection), 2, 4, offerQuickForm: false);
        var card = ConsultCardsFixture.CardOf(activity);

        var texts = Texts(card);
        Assert.Contains("Question 2 of 4", texts);
        Assert.Contains(question.Title, texts);
        Assert.All(question.Criteria, criterion => Assert.Contains(texts, t => t.Equals("• " + criterion, StringComparison.OrdinalIgnoreCase)));
        var data = Submits(card).Select(s => s["data"]!).ToList();
        Assert.Equal(["yes", "no"], data.Select(d => d.Value<string>("value")));
        Assert.All(data, d =>
        {
            Assert.Equal("answer", d.Value<string>("action"));
            Assert.Equal(ConsultSteps.Infection, d.Value<string>("questionId"));
            Assert.Equal("c-prompt", d.Value<string>("consultId"));
        });
        Assert.Null(activity.Text);
        Assert.StartsWith("Question 2 of 4. " + question.Prompt, activity.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void After_repeated_misses_the_question_says_so_and_offers_the_quick_form()
    {
        var prompt = ConsultCardsFixture.Prompt(ConsultSteps.Cancer, reason: PromptReason.Reprompt, offerQuickForm: true);
        var card = ConsultCardsFixture.CardOf(fixture.Cards.Question(fixture.Guidance.Question(IntakeQuestionId.SuspectedCancer), ConsultSteps.Cancer, prompt, 1, 4, offerQuickForm: true));

        Assert.Contains(Texts(card), t => t.StartsWith("Sorry, I did not get that.", StringComparison.Ordinal));
        var quickForm = Assert.Single(Submits(card), s => s["data"]!.Value<string>("action") == "openQuickForm");
        Assert.Equal("c-prompt", quickForm["data"]!.Value<string>("consultId"));
    }

    [Fact]
    public void The_contraindication_buttons_send_the_values_the_consult_recognises()
    {
        var card = ConsultCardsFixture.CardOf(fixture.Cards.Contraindication(fixture.Guidance.ContraindicationOptions, ConsultCardsFixture.Prompt(ConsultSteps.Contraindication), 5, 5));

        var expected = new Dictionary<string, Contraindication>
        {
            ["none"] = Contraindication.None,
            ["mri"] = Contraindication.MriNotPossible,
            ["contrast"] = Contraindication.ContrastNotPossible,
        };
        var submits = Submits(card);
        Assert.Equal(expected.Keys, submits.Select(s => s["data"]!.Value<string>("value")));
        foreach (var submit in submits)
        {
            var click = new Activity(ActivityTypes.Message) { Value = submit["data"] };
            Assert.Equal(expected[submit["data"]!.Value<string>("value")!], ContraindicationRecognizer.Recognize(click));
            Assert.Equal(ConsultSteps.Contraindication, submit["data"]!.Value<string>("questionId"));
        }

        // What the fallback text tells a clinician to type is understood too.
        foreach (var title in submits.Select(s => s.Value<string>("title")!))
        {
            Assert.NotNull(ContraindicationRecognizer.Recognize(new Activity(ActivityTypes.Message) { Text = title }));
        }
    }

    [Fact]
    public void The_case_confirmation_lists_what_was_understood_and_answers_the_case_step()
    {
        var card = ConsultCardsFixture.CardOf(fixture.Cards.CaseConfirmation(["fever or suspected infection", "no neurologic deficit"], ConsultCardsFixture.Prompt(ConsultSteps.Case)));

        var texts = Texts(card);
        Assert.Contains("• Fever or suspected infection", texts);
        Assert.Contains("• No neurologic deficit", texts);
        Assert.DoesNotContain(texts, t => t.StartsWith("Question", StringComparison.Ordinal));
        Assert.Equal(["yes", "no"], Submits(card).Select(s => s["data"]!.Value<string>("value")));
        Assert.All(Submits(card), s => Assert.Equal(ConsultSteps.Case, s["data"]!.Value<string>("questionId")));
    }

    [Fact]
    public void The_quick_form_names_its_inputs_by_step_and_keeps_the_answers_already_given()
    {
        var card = ConsultCardsFixture.CardOf(fixture.Cards.QuickForm(ConsultCardsFixture.Prompt(ConsultSteps.Infection, new ConsultAnswers { SuspectedCancer = true, NeurologicDeficits = false })));

        var inputs = card.SelectTokens("$..[?(@.type == 'Input.ChoiceSet')]").ToDictionary(i => i.Value<string>("id")!, i => i.Value<string>("value"));
        Assert.Equal([ConsultSteps.Cancer, ConsultSteps.Infection, ConsultSteps.Immunosuppression, ConsultSteps.NeurologicDeficit, ConsultSteps.Contraindication], inputs.Keys);
        Assert.Equal("yes", inputs[ConsultSteps.Cancer]);
        Assert.Equal("no", inputs[ConsultSteps.NeurologicDeficit]);
        Assert.Equal(string.Empty, inputs[ConsultSteps.Infection]);
        var submit = Assert.Single(Submits(card));
        Assert.Equal(ConsultDialog.QuickFormAction, submit["data"]!.Value<string>("action"));
        Assert.Equal("c-prompt", submit["data"]!.Value<string>("consultId"));
    }

    [Fact]
    public void The_faq_list_offers_every_faq_and_the_not_understood_hint_offers_the_suggestions()
    {
        var list = ConsultCardsFixture.CardOf(fixture.Cards.FaqList());
        Assert.Equal(fixture.Guidance.Faq.Select(f => f.Id), list.SelectTokens("$..selectAction.data.faqId").Select(t => t.Value<string>()));

        var hint = ConsultCardsFixture.CardOf(fixture.Cards.NotUnderstood([fixture.Guidance.Faq[2]]));
        var rows = hint.SelectTokens("$..selectAction.data").ToList();
        Assert.Contains(rows, r => r.Value<string>("action") == "faq" && r.Value<string>("faqId") == fixture.Guidance.Faq[2].Id);
        Assert.Contains(rows, r => r.Value<string>("action") == "new");
    }

    [Fact]
    public void The_help_card_counts_the_questions_and_cites_the_source()
    {
        var texts = Texts(ConsultCardsFixture.CardOf(fixture.Cards.Help()));

        Assert.Contains(texts, t => t.StartsWith("A consult is 4 short yes/no questions", StringComparison.Ordinal));
        Assert.Contains("Source: ACR Appropriateness Criteria: Low Back Pain, 2021. Reviewed 2026-05-29.", texts);
    }

    [Fact]
    public void The_compose_box_answer_card_has_the_answer_and_no_button_that_needs_the_bot()
    {
        var entry = fixture.Guidance.Faq[0];
        var attachment = fixture.Cards.FaqAnswerAttachment(entry);
        var card = AdaptiveCardMessage.CardOf(attachment);

        Assert.Equal(AdaptiveCardMessage.ContentType, attachment.ContentType);
        Assert.Contains(entry.Answer, Texts(card));
        Assert.Empty(Submits(card));
        Assert.NotEmpty(Submits(ConsultCardsFixture.CardOf(fixture.Cards.FaqAnswer(entry))));
    }

    [Fact]
    public async Task A_channel_without_cards_gets_the_summary_as_text_and_teams_does_not()
    {
        async Task<IActivity> ReplyOn(string channelId)
        {
            var adapter = new TestAdapter(channelId).Use(new CardlessChannelText());
            IActivity? reply = null;
            await new TestFlow(adapter, (turn, cancellation) => turn.SendActivityAsync(fixture.RecommendationFor("red-flags-routine"), cancellation))
                .Send("hi")
                .AssertReply(activity => reply = activity)
                .StartTestAsync();
            return reply!;
        }

        var sms = (IMessageActivity)await ReplyOn("sms");
        var teams = (IMessageActivity)await ReplyOn("msteams");

        Assert.StartsWith("Order MRI lumbar spine without and with IV contrast (Usually Appropriate).", sms.Text, StringComparison.Ordinal);
        Assert.Equal(sms.Summary, sms.Text);
        Assert.Null(teams.Text);
        Assert.Single(teams.Attachments);
    }

    [Fact]
    public void A_broken_card_folder_stops_the_start_up_with_the_problem_named()
    {
        var folder = Directory.CreateTempSubdirectory("broken-cards-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(CardsExtensions.DefaultCardDirectory))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            File.WriteAllText(Path.Combine(folder, "recommendation.template.json"), File.ReadAllText(Path.Combine(folder, "recommendation.template.json")).Replace("${orderIndication}", "${orderIndication.line}", StringComparison.Ordinal));
            var builder = WebApplication.CreateBuilder();

            var error = Assert.Throws<AdaptiveCardTemplateException>(() => builder.AddConsultCards(folder));
            Assert.Contains("recommendation.template.json", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_bot_resolves_one_templated_card_set()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddSingleton(fixture.Guidance);
        builder.AddConsultCards();
        using var app = builder.Build();

        Assert.IsType<TemplatedConsultCards>(app.Services.GetRequiredService<IConsultCards>());
        Assert.Same(app.Services.GetRequiredService<IConsultCards>(), app.Services.GetRequiredService<IConsultCards>());
    }

    private static List<string> Texts(JToken card) =>
        [.. card.SelectTokens("$..[?(@.type == 'TextBlock')].text").Select(t => t.Value<string>()!)];

    private static List<JToken> Submits(JToken card) => [.. card.SelectTokens("$..[?(@.type == 'Action.Submit')]")];
}
