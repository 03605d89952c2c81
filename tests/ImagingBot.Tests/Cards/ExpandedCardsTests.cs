using ImagingBot.Cards;
using ImagingBot.Dialogs;
using ImagingBot.Dialogs.Consult;
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

    public static TheoryData<string> CardKinds => ["question", "question.reprompt", "contraindication", "case-confirmation", "quickform", "recommendation"];

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
    public void Each_recommendation_gets_its_own_card_whatever_was_kept_before()
    {
        var cards = new TemplatedConsultCards(fixture.Catalog, fixture.Guidance);
        foreach (var earlier in ConsultCardsFixture.Cases.Keys)
        {
            _ = cards.Recommendation(fixture.Decision.Decide(ConsultCardsFixture.Cases[earlier]), FirstConsult);
        }

        foreach (var (name, answers) in ConsultCardsFixture.Cases)
        {
            var recommendation = fixture.Decision.Decide(answers);
            var expected = fixture.Catalog["recommendation"].Expand(RecommendationCardData.From(recommendation, SecondConsult, new BecauseFacts(fixture.Guidance)));
            Assert.True(expected == CardJson(cards.Recommendation(recommendation, SecondConsult)), $"The kept card of {name} is not the one its template makes.");
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

    private IMessageActivity Build(TemplatedConsultCards cards, string kind, string consultId) => kind switch
    {
        "question" or "question.reprompt" => cards.Question(Cancer, ConsultSteps.Cancer, Prompt(consultId, kind), 1, 4, offerQuickForm: kind == "question.reprompt"),
        "contraindication" => cards.Contraindication(fixture.Guidance.ContraindicationOptions, Prompt(consultId, kind), 5, 5),
        "case-confirmation" => cards.CaseConfirmation(Understood, Prompt(consultId, kind)),
        "quickform" => cards.QuickForm(Prompt(consultId, kind)),
        _ => cards.Recommendation(Recommendation, consultId),
    };

    // What the template makes for this consult, expanded directly from the card data (no keeping).
    private string Expand(string kind, string consultId)
    {
        var (template, data) = Data(kind, consultId);
        return fixture.Catalog[template].Expand(data);
    }

    private (string Template, object Data) Data(string kind, string consultId) => kind switch
    {
        "question" or "question.reprompt" => ("question", QuestionCardData.From(Cancer, ConsultSteps.Cancer, Prompt(consultId, kind), 1, 4, offerQuickForm: kind == "question.reprompt")),
        "contraindication" => ("question", QuestionCardData.Contraindication(fixture.Guidance.Question(IntakeQuestionId.Contraindication), fixture.Guidance.ContraindicationOptions, Prompt(consultId, kind), 5, 5)),
        "case-confirmation" => ("case-confirmation", CaseConfirmationCardData.From(Understood, Prompt(consultId, kind))),
        "quickform" => ("quickform", QuickFormCardData.From(fixture.Guidance, Prompt(consultId, kind))),
        _ => ("recommendation", RecommendationCardData.From(Recommendation, consultId, new BecauseFacts(fixture.Guidance))),
    };

    private IntakeQuestion Cancer => fixture.Guidance.Question(IntakeQuestionId.SuspectedCancer);

    private Recommendation Recommendation => fixture.Decision.Decide(ConsultCardsFixture.Cases["red-flags-routine"]);

    private static IReadOnlyList<string> Understood => ["history of cancer or suspected cancer", "no neurologic deficit"];

    private static PromptContext<ConsultAnswers> Prompt(string consultId, string kind) => new(
        kind == "contraindication" ? ConsultSteps.Contraindication : kind == "case-confirmation" ? ConsultSteps.Case : ConsultSteps.Cancer,
        consultId,
        1,
        new ConsultAnswers { SuspectedCancer = true },
        kind == "question.reprompt" ? PromptReason.Reprompt : PromptReason.First,
        kind == "question.reprompt" ? 2 : 0,
        OfferQuickForm: kind == "question.reprompt");

    // The card as Newtonsoft writes it into a reply.
    private static string CardJson(IMessageActivity activity) => ((JToken)Assert.Single(activity.Attachments).Content).ToString(Formatting.None);
}
