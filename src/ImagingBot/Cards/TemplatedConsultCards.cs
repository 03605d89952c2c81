using System.Text.Json;
using System.Text.Json.Nodes;
using ImagingBot.Dialogs;
using ImagingBot.Dialogs.Consult;
using ImagingBot.Guidance;
using ImagingBot.Templating;
using Microsoft.Bot.Schema;

namespace ImagingBot.Cards;

/// <summary>
/// The consult's cards, expanded from the templates in cards/ with data mapped from the clinical core's records.
/// The catalog is compiled once at start-up; each card is one expansion of an already compiled template.
/// </summary>
public sealed class TemplatedConsultCards : IConsultCards
{
    private const string QuestionTemplate = "question";
    private const string CaseConfirmationTemplate = "case-confirmation";
    private const string QuickFormTemplate = "quickform";
    private const string RecommendationTemplate = "recommendation";
    private const string WelcomeTemplate = "welcome";
    private const string FaqAnswerTemplate = "faq-answer";
    private const string FaqListTemplate = "faq-list";
    private const string NotUnderstoodTemplate = "not-understood";

    private readonly CardTemplateCatalog _catalog;
    private readonly ExpandedCards _expanded;
    private readonly GuidanceDocument _guidance;
    private readonly BecauseFacts _because;
    private readonly IntakeQuestion _contraindicationQuestion;

    public TemplatedConsultCards(CardTemplateCatalog catalog, GuidanceDocument guidance)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(guidance);
        _catalog = catalog;
        _expanded = new ExpandedCards(catalog);
        _guidance = guidance;
        _because = new BecauseFacts(guidance);
        _contraindicationQuestion = guidance.Question(IntakeQuestionId.Contraindication);

        // Every template the bot uses must be there now, not when the first clinician asks.
        foreach (var name in (string[])[QuestionTemplate, CaseConfirmationTemplate, QuickFormTemplate, RecommendationTemplate, WelcomeTemplate, FaqAnswerTemplate, FaqListTemplate, NotUnderstoodTemplate])
        {
            _ = catalog[name];
        }
    }

    public IMessageActivity Question(IntakeQuestion question, string stepId, PromptContext<ConsultAnswers> prompt, int number, int total, bool offerQuickForm)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(question);
        // The guidance's question, its wording (first ask or reprompt), its place and the quick-form button make the card.
        var variant = (new SameInstance<IntakeQuestion>(question), stepId, prompt.Reason, number, total, offerQuickForm);
        return _expanded.Message(QuestionTemplate, variant, id => QuestionCardData.From(question, stepId, prompt with { ConsultId = id }, number, total, offerQuickForm), prompt.ConsultId);
    }

    public IMessageActivity Contraindication(IReadOnlyList<ContraindicationOption> options, PromptContext<ConsultAnswers> prompt, int number, int total)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var variant = (new SameInstance<IReadOnlyList<ContraindicationOption>>(options), prompt.StepId, prompt.Reason, number, total, prompt.OfferQuickForm);
        return _expanded.Message(QuestionTemplate, variant, id => QuestionCardData.Contraindication(_contraindicationQuestion, options, prompt with { ConsultId = id }, number, total), prompt.ConsultId);
    }

    public IMessageActivity CaseConfirmation(IReadOnlyList<string> understood, PromptContext<ConsultAnswers> prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return _expanded.Message(CaseConfirmationTemplate, id => CaseConfirmationCardData.From(understood, prompt with { ConsultId = id }), prompt.ConsultId);
    }

    public IMessageActivity QuickForm(PromptContext<ConsultAnswers> prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return _expanded.Message(QuickFormTemplate, id => QuickFormCardData.From(_guidance, prompt with { ConsultId = id }), prompt.ConsultId);
    }

    // ImagingDecision returns the same recommendation for the same answers, so the card is found by reference instead
    // of by its 5 KB of data JSON (which would be made and hashed on every recommendation).
    public IMessageActivity Recommendation(Recommendation recommendation, string consultId) =>
        _expanded.Message(RecommendationTemplate, new SameInstance<Recommendation>(recommendation), id => RecommendationCardData.From(recommendation, id, _because), consultId);

    public IMessageActivity Help() => _expanded.Message(WelcomeTemplate, WelcomeCardData.Help(_guidance));

    public IMessageActivity FaqAnswer(FaqEntry entry) => _expanded.Message(FaqAnswerTemplate, FaqAnswerCardData.From(entry, _guidance.Source));

    public IMessageActivity FaqList() => _expanded.Message(FaqListTemplate, FaqListCardData.From(_guidance.Faq));

    public IMessageActivity NotUnderstood(IReadOnlyList<FaqEntry> suggestions) => _expanded.Message(NotUnderstoodTemplate, NotUnderstoodCardData.From(suggestions));

    public Attachment FaqAnswerAttachment(FaqEntry entry)
    {
        // Inserted into a chat the bot may not be in: a Submit button there would go nowhere.
        var card = JsonNode.Parse(_catalog[FaqAnswerTemplate].Expand(RootOf(FaqAnswerCardData.From(entry, _guidance.Source))))!.AsObject();
        card.Remove("actions");
        return AdaptiveCardMessage.Attachment(card.ToJsonString());
    }

    // The same JSON the engine would make by reflection (web defaults), from compile-time metadata instead.
    private static JsonNode? RootOf(object data) => JsonSerializer.SerializeToNode(data, data.GetType(), CardDataJsonContext.Default);
}
