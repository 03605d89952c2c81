using ImagingBot.Cards;
using ImagingBot.Consult;
using ImagingBot.Guidance;
using ImagingBot.Hosting;
using ImagingBot.Templating;
using Microsoft.AspNetCore.Builder;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using static ImagingBot.Tests.Cards.ConsultCardsFixture;

namespace ImagingBot.Tests.Cards;

/// <summary>The cards around the advice: what their buttons send, what they say, and what a channel without cards reads.</summary>
public sealed class ConsultCardsTests(ConsultCardsFixture fixture) : IClassFixture<ConsultCardsFixture>
{
    public static TheoryData<string> QuestionKeys => [.. GuidanceLoader.LoadDefault().Questions.Select(q => q.Key)];

    [Theory]
    [MemberData(nameof(QuestionKeys))]
    public void Every_question_of_the_tree_has_one_button_per_option_answering_this_question_of_this_consult(string key)
    {
        var question = fixture.Guidance.QuestionByKey(key)!;
        var activity = fixture.Cards.Question(Ask(question, 3));
        var card = CardOf(activity);
        var texts = Texts(card);

        Assert.Contains("Question 3", texts);
        Assert.DoesNotContain(texts, t => t.Contains(" of ", StringComparison.Ordinal) && t.StartsWith("Question", StringComparison.Ordinal));
        Assert.Contains(question.Title, texts);
        Assert.All(question.Criteria, criterion => Assert.Contains(texts, t => t.Equals("• " + criterion, StringComparison.OrdinalIgnoreCase)));

        var answers = Submits(card).Select(s => s["data"]!).ToList();
        Assert.InRange(answers.Count, 2, 4);
        Assert.Equal(question.Options.Select(o => o.Value), answers.Select(d => d.Value<string>("value")));
        Assert.Equal(question.Options.Select(o => o.Label), Submits(card).Select(s => s.Value<string>("title")), StringComparer.OrdinalIgnoreCase);
        Assert.All(answers, d =>
        {
            Assert.Equal("answer", d.Value<string>("action"));
            Assert.Equal(question.Key, d.Value<string>("questionId"));
            Assert.Equal(ConsultId, d.Value<string>("consultId"));
        });
        Assert.Null(activity.Text);
        Assert.StartsWith("Question 3", activity.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(QuestionKeys))]
    public void The_emergency_screen_is_marked_in_words_and_answer_yes_if_any_is_said_once(string key)
    {
        var question = fixture.Guidance.QuestionByKey(key)!;
        var activity = fixture.Cards.Question(Ask(question));
        var texts = Texts(CardOf(activity));

        Assert.Equal(question.IsEmergencyScreen, texts.Any(t => t.Contains("Emergency screen", StringComparison.Ordinal)));
        Assert.Equal(question.IsEmergencyScreen, activity.Summary!.Contains("emergency screen", StringComparison.Ordinal));
        var saidTimes = texts.Count(t => t.Contains("Answer yes if any", StringComparison.OrdinalIgnoreCase));
        Assert.True(saidTimes <= 1, $"{key}: \"Answer yes if any\" is said {saidTimes} times.");
        var anyOfThese = question.Id is IntakeQuestionId.CaudaEquina or IntakeQuestionId.Sepsis or IntakeQuestionId.SuspectedCancer
            or IntakeQuestionId.SuspectedInfection or IntakeQuestionId.Immunosuppression or IntakeQuestionId.FractureRisk;
        if (anyOfThese)
        {
            Assert.Equal(1, saidTimes);
        }
    }

    [Fact]
    public void Criteria_that_are_not_reasons_to_answer_yes_are_not_headed_as_if_they_were()
    {
        // Prior surgery needs both of its lines; the pregnancy line says why it is asked.
        var surgery = Texts(CardOf(fixture.Cards.Question(Ask(fixture.Guidance.Question(IntakeQuestionId.PriorLumbarSurgery)))));
        var pregnancy = Texts(CardOf(fixture.Cards.Question(Ask(fixture.Guidance.Question(IntakeQuestionId.Pregnancy)))));

        Assert.Contains("Answer yes only when both apply:", surgery);
        Assert.Contains("Why it is asked:", pregnancy);
        Assert.DoesNotContain(pregnancy, t => t.StartsWith("Answer yes", StringComparison.Ordinal));
    }

    [Fact]
    public void The_emergency_screen_is_asked_first()
    {
        Assert.True(fixture.Guidance.Questions[0].IsEmergencyScreen);
        Assert.Equal(fixture.Guidance.Questions[0], fixture.Decision.NextQuestion(ClinicalAnswers.Empty));
    }

    [Fact]
    public void After_a_miss_the_question_says_so_and_offers_the_quick_form()
    {
        var card = CardOf(fixture.Cards.Question(Ask(fixture.Guidance.Questions[0], 2, PromptReason.Reprompt, offerQuickForm: true)));

        Assert.Contains(Texts(card), t => t.StartsWith("Sorry, I did not get that.", StringComparison.Ordinal));
        var quickForm = Assert.Single(Submits(card), s => s["data"]!.Value<string>("action") == "openQuickForm");
        Assert.Equal(ConsultId, quickForm["data"]!.Value<string>("consultId"));
        Assert.DoesNotContain(Submits(CardOf(fixture.Cards.Question(Ask(fixture.Guidance.Questions[0])))), s => s["data"]!.Value<string>("action") == "openQuickForm");
    }

    [Fact]
    public void Back_from_something_else_the_question_says_where_we_are()
    {
        var texts = Texts(CardOf(fixture.Cards.Question(Ask(fixture.Guidance.Questions[0], 1, PromptReason.Resume))));

        Assert.Contains(QuestionCardData.NoteFor(PromptReason.Resume), texts);
    }

    [Fact]
    public void The_case_confirmation_lists_what_was_understood_and_answers_the_case_question()
    {
        var card = CardOf(fixture.Cards.CaseConfirmation(new ConfirmCase(ConsultId, ["fever or suspected infection", "age 58"], PromptReason.First)));

        var texts = Texts(card);
        Assert.Contains("• Fever or suspected infection", texts);
        Assert.Contains("• Age 58", texts);
        Assert.Contains(texts, t => t.Contains("never taken as absent", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.StartsWith("Question", StringComparison.Ordinal));
        Assert.Equal(["yes", "no"], Submits(card).Select(s => s["data"]!.Value<string>("value")));
        Assert.All(Submits(card), s => Assert.Equal("case", s["data"]!.Value<string>("questionId")));
        Assert.All(Submits(card), s => Assert.Equal(ConsultId, s["data"]!.Value<string>("consultId")));
    }

    [Fact]
    public void The_quick_form_has_a_labelled_input_per_question_named_by_its_key_with_the_answers_already_given()
    {
        var answers = ClinicalAnswers.Empty with { CaudaEquinaSigns = false, SuspectedCancer = true, Age = AgeGroup.Older };
        var card = CardOf(fixture.Cards.QuickForm(new ShowQuickForm(ConsultId, fixture.Guidance.Questions, answers)));

        var inputs = card.SelectTokens("$..[?(@.type == 'Input.ChoiceSet')]").ToList();
        Assert.Equal(fixture.Guidance.Questions.Select(q => q.Key), inputs.Select(i => i.Value<string>("id")));
        foreach (var (question, input) in fixture.Guidance.Questions.Zip(inputs))
        {
            Assert.Equal(answers.Value(question.Id) ?? string.Empty, input.Value<string>("value"));
            Assert.False(string.IsNullOrWhiteSpace(input.Value<string>("label")), $"{question.Key} has no label");
            Assert.Equal(question.IsEmergencyScreen, input.Value<bool>("isRequired"));
            Assert.Equal(question.Options.Select(o => o.Value), input["choices"]!.Select(c => c.Value<string>("value")));
        }

        var submit = Assert.Single(Submits(card));
        Assert.Equal("quickform", submit["data"]!.Value<string>("action"));
        Assert.Equal(ConsultId, submit["data"]!.Value<string>("consultId"));
    }

    [Fact]
    public void Every_input_on_every_card_has_a_label()
    {
        foreach (var (name, activity) in fixture.EveryCard())
        {
            foreach (var input in CardOf(activity).SelectTokens("$..[?(@.type =~ /^Input\\..*/)]"))
            {
                Assert.False(string.IsNullOrWhiteSpace(input.Value<string>("label")), $"{name}: input {input.Value<string>("id")} has no label");
            }
        }
    }

    [Fact]
    public void The_welcome_teaches_a_case_with_positive_findings_and_covers_every_adult_variant_emergency_first()
    {
        var activity = fixture.Cards.Help();
        var texts = Texts(CardOf(activity));

        Assert.Contains(texts, t => t.Contains(WelcomeCardData.TeachingCase, StringComparison.Ordinal));
        Assert.DoesNotContain(" no ", " " + WelcomeCardData.TeachingCase + " ", StringComparison.OrdinalIgnoreCase);
        Assert.Contains(texts, t => t.Contains("adults with low back pain", StringComparison.Ordinal) && t.Contains("seven", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("Emergency signs come first", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("Source: ", StringComparison.Ordinal) && t.Contains("(article reviewed ", StringComparison.Ordinal));
        Assert.Equal(["new", "faqList"], Submits(CardOf(activity)).Select(s => s["data"]!.Value<string>("action")));
    }

    [Fact]
    public void The_case_in_the_welcome_reads_as_the_red_flags_it_shows()
    {
        var example = WelcomeCardData.TeachingCase["start ".Length..];

        var read = CaseSummaryParser.Parse(example);

        Assert.Contains(read.Findings, f => f is { Question: IntakeQuestionId.SuspectedCancer, Present: true });
        Assert.Contains(read.Findings, f => f is { Question: IntakeQuestionId.SuspectedInfection, Present: true });
        Assert.DoesNotContain(read.Findings, f => !f.Present);
    }

    [Fact]
    public void The_faq_list_offers_every_faq_and_the_not_understood_hint_offers_the_suggestions()
    {
        var list = CardOf(fixture.Cards.FaqList());
        Assert.Equal(fixture.Guidance.Faq.Select(f => f.Id), list.SelectTokens("$..selectAction.data.faqId").Select(t => t.Value<string>()));

        var hint = CardOf(fixture.Cards.NotUnderstood([fixture.Guidance.Faq[^1]]));
        var rows = hint.SelectTokens("$..selectAction.data").ToList();
        Assert.Contains(rows, r => r.Value<string>("action") == "faq" && r.Value<string>("faqId") == fixture.Guidance.Faq[^1].Id);
        Assert.Contains(rows, r => r.Value<string>("action") == "new");
    }

    [Fact]
    public void An_faq_answer_names_its_source_with_the_articles_review_date()
    {
        var texts = Texts(CardOf(fixture.Cards.FaqAnswer(fixture.Guidance.Faq[0])));

        var source = fixture.Guidance.Source;
        Assert.Contains(texts, t => t.StartsWith("Source: ", StringComparison.Ordinal) && t.Contains($"(article reviewed {source.ArticleReviewedOn:yyyy-MM-dd})", StringComparison.Ordinal));
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
        Assert.NotEmpty(Submits(CardOf(fixture.Cards.FaqAnswer(entry))));
    }

    [Fact]
    public async Task A_channel_without_cards_gets_the_summary_as_text_and_teams_does_not()
    {
        async Task<IActivity> ReplyOn(string channelId)
        {
            var adapter = new TestAdapter(channelId).Use(new CardlessChannelText());
            IActivity? reply = null;
            await new TestFlow(adapter, (turn, cancellation) => turn.SendActivityAsync(fixture.AdviceCard("recommendation.v7"), cancellation))
                .Send("hi")
                .AssertReply(activity => reply = activity)
                .StartTestAsync();
            return reply!;
        }

        var sms = (IMessageActivity)await ReplyOn("sms");
        var teams = (IMessageActivity)await ReplyOn("msteams");

        Assert.StartsWith(RecommendationCardData.Summarize(fixture.RecommendationFor("recommendation.v7")), sms.Text, StringComparison.Ordinal);
        Assert.Contains("MRI lumbar spine without and with IV contrast (Usually Appropriate, adult dose 0 mSv)", sms.Text, StringComparison.Ordinal);
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
}
