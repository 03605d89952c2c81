using System.Text.Json;
using System.Text.Json.Nodes;
using ImagingBot.Consult;
using ImagingBot.Guidance;
using ImagingBot.Templating;
using Microsoft.Bot.Schema;

namespace ImagingBot.Cards;

/// <summary>
/// The consult's cards, expanded from the templates in cards/ with data mapped from the clinical core's records.
/// The catalog is compiled once at start-up; each card is one expansion of an already compiled template, kept after
/// that (<see cref="ExpandedCards"/>).
/// </summary>
public sealed class TemplatedConsultCards : IConsultCards
{
    private const string QuestionTemplate = "question";
    private const string CaseConfirmationTemplate = "case-confirmation";
    private const string QuickFormTemplate = "quickform";
    private const string RecommendationTemplate = "recommendation";
    private const string OutOfScopeTemplate = "out-of-scope";
    private const string WelcomeTemplate = "welcome";
    private const string FaqAnswerTemplate = "faq-answer";
    private const string FaqListTemplate = "faq-list";
    private const string NotUnderstoodTemplate = "not-understood";

    private readonly CardTemplateCatalog _catalog;
    private readonly ExpandedCards _expanded;
    private readonly GuidanceDocument _guidance;
    private readonly CardSource _source;

    public TemplatedConsultCards(CardTemplateCatalog catalog, GuidanceDocument guidance)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(guidance);
        _catalog = catalog;
        _expanded = new ExpandedCards(catalog);
        _guidance = guidance;
        _source = CardSource.From(guidance.Source, guidance.ContentVersion);

        // Every template the bot uses must be there now, not when the first clinician asks.
        foreach (var name in (string[])[QuestionTemplate, CaseConfirmationTemplate, QuickFormTemplate, RecommendationTemplate, OutOfScopeTemplate, WelcomeTemplate, FaqAnswerTemplate, FaqListTemplate, NotUnderstoodTemplate])
        {
            _ = catalog[name];
        }
    }

    public IMessageActivity Question(AskQuestion ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        // The guidance's question (loaded once: compared by reference), its place, its wording and the quick-form
        // button make the card; only the consult id differs between consults.
        var variant = (new SameInstance<IntakeQuestion>(ask.Question), ask.Number, ask.Reason, ask.OfferQuickForm);
        return _expanded.Message(QuestionTemplate, variant, id => QuestionCardData.From(ask with { ConsultId = id }), ask.ConsultId);
    }

    public IMessageActivity CaseConfirmation(ConfirmCase confirm)
    {
        ArgumentNullException.ThrowIfNull(confirm);
        return _expanded.Message(CaseConfirmationTemplate, id => CaseConfirmationCardData.From(confirm with { ConsultId = id }), confirm.ConsultId);
    }

    public IMessageActivity QuickForm(ShowQuickForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return _expanded.Message(QuickFormTemplate, id => QuickFormCardData.From(form with { ConsultId = id }), form.ConsultId);
    }

    // The decision returns the same advice instance for equal answers, so the card is found by reference instead of
    // by its data's JSON (several KB, which would be made and hashed on every recommendation).
    public IMessageActivity Advice(GiveAdvice advice)
    {
        ArgumentNullException.ThrowIfNull(advice);
        return advice.Advice switch
        {
            Recommendation recommendation => _expanded.Message(
                RecommendationTemplate, new SameInstance<Advice>(recommendation), id => RecommendationCardData.From(recommendation, id), advice.ConsultId),
            OutOfScope outOfScope => _expanded.Message(
                OutOfScopeTemplate, new SameInstance<Advice>(outOfScope), _ => OutOfScopeCardData.From(outOfScope), advice.ConsultId),
            var other => throw new ArgumentException($"No card for {other.GetType().Name}.", nameof(advice)),
        };
    }

    public IMessageActivity Help() => _expanded.Message(WelcomeTemplate, WelcomeCardData.Help(_guidance));

    public IMessageActivity FaqAnswer(FaqEntry entry) => _expanded.Message(FaqAnswerTemplate, FaqAnswerCardData.From(entry, _source));

    public IMessageActivity FaqList() => _expanded.Message(FaqListTemplate, FaqListCardData.From(_guidance.Faq));

    public IMessageActivity NotUnderstood(IReadOnlyList<FaqEntry> suggestions) => _expanded.Message(NotUnderstoodTemplate, NotUnderstoodCardData.From(suggestions));

    public Attachment FaqAnswerAttachment(FaqEntry entry)
    {
        // Inserted into a chat the bot may not be in: a Submit button there would go nowhere.
        var card = JsonNode.Parse(_catalog[FaqAnswerTemplate].Expand(RootOf(FaqAnswerCardData.From(entry, _source))))!.AsObject();
        card.Remove("actions");
        return AdaptiveCardMessage.Attachment(card.ToJsonString());
    }

    // The same JSON the engine would make by reflection (web defaults), from compile-time metadata instead.
    private static JsonNode? RootOf(object data) => JsonSerializer.SerializeToNode(data, data.GetType(), CardDataJsonContext.Default);
}
