using ImagingBot.Cards;
using ImagingBot.Consult;
using ImagingBot.Guidance;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Tests.Cards;

/// <summary>
/// Cards are expanded once and kept, with the consult id put in for each consult: a kept card must be exactly the
/// card the template makes for that consult, whatever consult came first.
/// </summary>
public sealed class ExpandedCardsTests(ConsultCardsFixture fixture) : IClassFixture<ConsultCardsFixture>
{
    private const string FirstConsult = "first001";
    private const string SecondConsult = "second02";

    public static TheoryData<string> CardKinds => ["question", "question.reprompt", "question.choices", "case-confirmation", "quickform", "recommendation", "out-of-scope"];

    [Theory]
    [MemberData(nameof(CardKinds))]
    public void A_card_kept_from_an_earlier_consult_is_the_card_the_template_makes_for_the_next_one(string kind)
    {
        var cards = new TemplatedConsultCards(fixture.Catalog, fixture.Guidance);
        _ = Build(cards, kind, FirstConsult);

        var kept = Build(cards, kind, SecondConsult);

        Assert.Equal(Expand(kind, SecondConsult), CardJson(kept));
        Assert.DoesNotContain(FirstConsult, CardJson(kept), StringComparison.Ordinal);
        Assert.DoesNotContain(ExpandedCards.ConsultIdSlot, CardJson(kept) + kept.Summary + kept.Speak, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_advice_gets_its_own_card_whatever_was_kept_before()
    {
        var cards = new TemplatedConsultCards(fixture.Catalog, fixture.Guidance);
        foreach (var earlier in ConsultCardsFixture.Patients.Keys)
        {
            _ = cards.Advice(new GiveAdvice(FirstConsult, fixture.AdviceFor(earlier)));
        }

        foreach (var name in ConsultCardsFixture.Patients.Keys)
        {
            var advice = fixture.AdviceFor(name);
            var expected = advice is Recommendation recommendation
                ? fixture.Catalog["recommendation"].Expand(RecommendationCardData.From(recommendation, SecondConsult))
                : fixture.Catalog["out-of-scope"].Expand(OutOfScopeCardData.From((OutOfScope)advice));
            Assert.True(expected == CardJson(cards.Advice(new GiveAdvice(SecondConsult, advice))), $"The kept card of {name} is not the one its template makes.");
        }
    }

    [Theory]
    [MemberData(nameof(CardKinds))]
    public void A_kept_card_reads_the_same_however_it_is_read(string kind)
    {
        var cards = new TemplatedConsultCards(fixture.Catalog, fixture.Guidance);
        _ = Build(cards, kind, FirstConsult);
        var expected = Expand(kind, SecondConsult);

        var message = Build(cards, kind, SecondConsult);
        var content = (JToken)Assert.Single(message.Attachments).Content;

        // Sent to a channel with Bot Framework's serializer (its attachment converter copies the content through a
        // JTokenWriter), as its Value, cloned, and as a JObject.
        var sent = JsonConvert.SerializeObject(message.Attachments[0], HttpHelper.BotMessageSerializerSettings);
        Assert.Equal(JObject.Parse(expected).ToString(Formatting.None), JObject.Parse(sent)["content"]!.ToString(Formatting.None));
        Assert.Equal(expected, ((JValue)content).Value!.ToString());
        Assert.Equal(expected, content.DeepClone().ToString(Formatting.None));
        Assert.Equal(JObject.Parse(expected).ToString(), AdaptiveCardMessage.CardOf(message.Attachments[0]).ToString());
    }

    [Fact]
    public void A_consult_id_that_JSON_must_escape_is_expanded_as_it_is()
    {
        const string Unusual = "id \"with\" quotes";
        var cards = new TemplatedConsultCards(fixture.Catalog, fixture.Guidance);
        _ = Build(cards, "question", FirstConsult);

        var card = Build(cards, "question", Unusual);

        Assert.Equal(Expand("question", Unusual), CardJson(card));
        Assert.All(ConsultCardsFixture.CardOf(card).SelectTokens("$..data.consultId"), id => Assert.Equal(Unusual, id.Value<string>()));
    }

    [Fact]
    public void The_same_question_asked_with_other_words_or_at_another_place_is_another_card()
    {
        var cards = new TemplatedConsultCards(fixture.Catalog, fixture.Guidance);
        var question = fixture.Guidance.Questions[0];

        var first = CardJson(cards.Question(ConsultCardsFixture.Ask(question, 1, consultId: FirstConsult)));
        var reprompt = CardJson(cards.Question(ConsultCardsFixture.Ask(question, 1, PromptReason.Reprompt, consultId: FirstConsult)));
        var later = CardJson(cards.Question(ConsultCardsFixture.Ask(question, 2, consultId: FirstConsult)));

        Assert.NotEqual(first, reprompt);
        Assert.NotEqual(first, later);
    }

    private IMessageActivity Build(TemplatedConsultCards cards, string kind, string consultId) => kind switch
    {
        "question" or "question.reprompt" or "question.choices" => cards.Question(Ask(kind, consultId)),
        "case-confirmation" => cards.CaseConfirmation(Confirm(consultId)),
        "quickform" => cards.QuickForm(Form(consultId)),
        "out-of-scope" => cards.Advice(new GiveAdvice(consultId, fixture.AdviceFor("out-of-scope.child"))),
        _ => cards.Advice(new GiveAdvice(consultId, fixture.AdviceFor("recommendation.v7"))),
    };

    // What the template makes for this consult, expanded directly from the card data (no keeping).
    private string Expand(string kind, string consultId)
    {
        var (template, data) = Data(kind, consultId);
        return fixture.Catalog[template].Expand(data);
    }

    private (string Template, object Data) Data(string kind, string consultId) => kind switch
    {
        "question" or "question.reprompt" or "question.choices" => ("question", QuestionCardData.From(Ask(kind, consultId))),
        "case-confirmation" => ("case-confirmation", CaseConfirmationCardData.From(Confirm(consultId))),
        "quickform" => ("quickform", QuickFormCardData.From(Form(consultId))),
        "out-of-scope" => ("out-of-scope", OutOfScopeCardData.From((OutOfScope)fixture.AdviceFor("out-of-scope.child"))),
        _ => ("recommendation", RecommendationCardData.From(fixture.RecommendationFor("recommendation.v7"), consultId)),
    };

    private AskQuestion Ask(string kind, string consultId) => kind switch
    {
        "question.reprompt" => ConsultCardsFixture.Ask(fixture.Guidance.Questions[0], 2, PromptReason.Reprompt, offerQuickForm: true, consultId),
        // A question with more than two answers: its choices are tappable rows, not bottom buttons.
        "question.choices" => ConsultCardsFixture.Ask(fixture.Guidance.Questions.First(q => q.Options.Count > 2), 3, consultId: consultId),
        _ => ConsultCardsFixture.Ask(fixture.Guidance.Questions[0], 1, consultId: consultId),
    };

    private static ConfirmCase Confirm(string consultId) => new(consultId, ["history of cancer or suspected cancer", "age 58"], PromptReason.First);

    private ShowQuickForm Form(string consultId) => new(consultId, fixture.Guidance.Questions, ClinicalAnswers.Empty with { SuspectedCancer = true });

    // The card as Newtonsoft writes it into a reply.
    private static string CardJson(IMessageActivity activity) => ((JToken)Assert.Single(activity.Attachments).Content).ToString(Formatting.None);
}
