using ImagingBot.Cards;
using ImagingBot.Dialogs;
using ImagingBot.Dialogs.Consult;
using ImagingBot.Guidance;
using ImagingBot.Hosting;
using ImagingBot.Templating;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Tests.Cards;

/// <summary>
/// The real cards: the templates the build copied next to the bot, the real guidance file, the real decision.
/// Also the cases (the article's patient and one per pathway) that the golden cards are built from.
/// </summary>
public sealed class ConsultCardsFixture
{
    public ConsultCardsFixture()
    {
        Guidance = GuidanceLoader.LoadDefault();
        Decision = new ImagingDecision(Guidance);
        Catalog = CardTemplateCatalog.Load(CardsExtensions.DefaultCardDirectory);
        Cards = new TemplatedConsultCards(Catalog, Guidance);
    }

    public GuidanceDocument Guidance { get; }

    public ImagingDecision Decision { get; }

    public CardTemplateCatalog Catalog { get; }

    public TemplatedConsultCards Cards { get; }

    /// <summary>Each pathway (and contraindication) the decision can end in, named as its golden file is.</summary>
    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    public static IReadOnlyDictionary<string, ClinicalAnswers> Cases { get; } = new Dictionary<string, ClinicalAnswers>
    {
        // The article's patient: 58, breast cancer in remission, two weeks of night pain, subjective fevers, no deficits.
        ["red-flags-routine"] = new(SuspectedCancer: true, SuspectedInfection: true, Immunosuppressed: false, NeurologicDeficits: false, Contraindication: Contraindication.None),
        ["red-flags-emergent"] = new(SuspectedCancer: true, SuspectedInfection: false, Immunosuppressed: false, NeurologicDeficits: true, Contraindication: Contraindication.None),
        ["red-flags-mri-not-possible"] = new(SuspectedCancer: true, SuspectedInfection: true, Immunosuppressed: false, NeurologicDeficits: false, Contraindication: Contraindication.MriNotPossible),
        ["red-flags-contrast-not-possible"] = new(SuspectedCancer: false, SuspectedInfection: false, Immunosuppressed: true, NeurologicDeficits: false, Contraindication: Contraindication.ContrastNotPossible),
        ["cauda-equina"] = new(SuspectedCancer: false, SuspectedInfection: false, Immunosuppressed: false, NeurologicDeficits: true, Contraindication: Contraindication.None),
        ["no-red-flags"] = new(SuspectedCancer: false, SuspectedInfection: false, Immunosuppressed: false, NeurologicDeficits: false),
    };

    public static string ConsultIdOf(string caseName) => "c-" + caseName;

    public IMessageActivity RecommendationFor(string caseName) =>
        Cards.Recommendation(Decision.Decide(Cases[caseName]), ConsultIdOf(caseName));

    public static PromptContext<ConsultAnswers> Prompt(string stepId, ConsultAnswers? answers = null, PromptReason reason = PromptReason.First, bool offerQuickForm = false) =>
        new(stepId, "c-prompt", 1, answers ?? new ConsultAnswers(), reason, 0, offerQuickForm);

    /// <summary>Every kind of message the bot can send, each as the activity the channel receives.</summary>
    public IReadOnlyDictionary<string, IMessageActivity> EveryCard()
    {
        var cards = new Dictionary<string, IMessageActivity>();
        foreach (var caseName in Cases.Keys)
        {
            cards["recommendation." + caseName] = RecommendationFor(caseName);
        }

        var total = Guidance.Questions.Count(q => q.Id != IntakeQuestionId.Contraindication);
        foreach (var (question, stepId) in Guidance.Questions.Where(q => q.Id != IntakeQuestionId.Contraindication).Zip([ConsultSteps.Cancer, ConsultSteps.Infection, ConsultSteps.Immunosuppression, ConsultSteps.NeurologicDeficit]))
        {
            cards["question." + stepId] = Cards.Question(question, stepId, Prompt(stepId), (int)question.Id + 1, total, offerQuickForm: false);
        }

        cards["question.reprompt-with-quick-form"] = Cards.Question(Guidance.Question(IntakeQuestionId.SuspectedInfection), ConsultSteps.Infection, Prompt(ConsultSteps.Infection, reason: PromptReason.Reprompt, offerQuickForm: true), 2, total, offerQuickForm: true);
        cards["question.contraindication"] = Cards.Contraindication(Guidance.ContraindicationOptions, Prompt(ConsultSteps.Contraindication), total + 1, total + 1);
        cards["case-confirmation"] = Cards.CaseConfirmation(["history of cancer or suspected cancer", "fever or suspected infection", "no neurologic deficit"], Prompt(ConsultSteps.Case));
        cards["quickform"] = Cards.QuickForm(Prompt(ConsultSteps.Infection, new ConsultAnswers { SuspectedCancer = true }));
        cards["help"] = Cards.Help();
        foreach (var entry in Guidance.Faq)
        {
            cards["faq-answer." + entry.Id] = Cards.FaqAnswer(entry);
        }

        cards["faq-list"] = Cards.FaqList();
        cards["not-understood"] = Cards.NotUnderstood([.. Guidance.Faq.Take(2)]);
        cards["not-understood.no-suggestions"] = Cards.NotUnderstood([]);
        var compose = Activity.CreateMessageActivity();
        compose.Attachments = [Cards.FaqAnswerAttachment(Guidance.Faq[0])];
        cards["faq-answer.compose-box"] = compose;
        return cards;
    }

    /// <summary>
    /// The activity as the Bot Framework connector writes it (Newtonsoft, nulls left out), read back and indented so
    /// that a golden diff is readable. Reading it back also proves the wire JSON is valid, the card included.
    /// </summary>
    public static string Serialize(IMessageActivity activity)
    {
        var wire = JsonConvert.SerializeObject(activity, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore });
        using var reader = new JsonTextReader(new StringReader(wire)) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader).ToString(Formatting.Indented) + "\n";
    }

    public static JObject CardOf(IMessageActivity activity)
    {
        var attachment = Assert.Single(activity.Attachments);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        // Through the wire format, as the channel sees it: this also proves Content serialises as plain JSON.
        using var reader = new JsonTextReader(new StringReader(JsonConvert.SerializeObject(attachment.Content))) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }
}
