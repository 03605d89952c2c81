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
    private const string RecordTemplate = "record";

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
        foreach (var name in (string[])[QuestionTemplate, CaseConfirmationTemplate, QuickFormTemplate, RecommendationTemplate, OutOfScopeTemplate, WelcomeTemplate, FaqAnswerTemplate, FaqListTemplate, NotUnderstoodTemplate, RecordTemplate])
        {
            _ = catalog[name];
        }
    }

    public IMessageActivity Question(AskQuestion ask, CardAudience audience = default)
    {
        ArgumentNullException.ThrowIfNull(ask);
        // The guidance's question (loaded once: compared by reference), its place, its wording, the quick-form
        // button and the kind of buttons make the card; only the consult id differs between consults.
        var variant = (new SameInstance<IntakeQuestion>(ask.Question), ask.Number, ask.Reason, ask.OfferQuickForm, audience.UniversalActions);
        return _expanded.Message(QuestionTemplate, variant, ids => QuestionCardData.From(ask with { ConsultId = ids.ConsultId }, audience.UniversalActions), new CardIds(ask.ConsultId));
    }

    public IMessageActivity CaseConfirmation(ConfirmCase confirm, CardAudience audience = default)
    {
        ArgumentNullException.ThrowIfNull(confirm);
        return _expanded.Message(CaseConfirmationTemplate, ids => CaseConfirmationCardData.From(confirm with { ConsultId = ids.ConsultId }, audience.UniversalActions), new CardIds(confirm.ConsultId));
    }

    public IMessageActivity QuickForm(ShowQuickForm form, CardAudience audience = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        return _expanded.Message(QuickFormTemplate, ids => QuickFormCardData.From(form with { ConsultId = ids.ConsultId }, audience.UniversalActions), new CardIds(form.ConsultId));
    }

    // The decision returns the same advice instance for equal answers, so the card is found by reference instead of
    // by its data's JSON (several KB, which would be made and hashed on every recommendation). On Teams the card also
    // carries the answers it was decided from (the same for the same instance) and refreshes for its clinician.
    public IMessageActivity Advice(GiveAdvice advice, CardAudience audience = default)
    {
        ArgumentNullException.ThrowIfNull(advice);
        var universal = audience.UniversalActions;
        var answers = universal && advice.Answers is { } decidedFrom ? AnswerLine.Write(decidedFrom, _guidance.Questions) : string.Empty;
        return advice.Advice switch
        {
            Recommendation recommendation => _expanded.Message(
                RecommendationTemplate,
                (new SameInstance<Advice>(recommendation), universal, answers),
                ids => RecommendationCardData.From(recommendation, ids.ConsultId, universal, answers, ids.ClinicianId ?? string.Empty),
                new CardIds(advice.ConsultId, universal ? audience.ClinicianId : null)),
            OutOfScope outOfScope => _expanded.Message(
                OutOfScopeTemplate, new SameInstance<Advice>(outOfScope), _ => OutOfScopeCardData.From(outOfScope), new CardIds(advice.ConsultId)),
            var other => throw new ArgumentException($"No card for {other.GetType().Name}.", nameof(advice)),
        };
    }

    public IMessageActivity Record(CardRecord record, CardAudience audience = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var consultId = record switch
        {
            QuestionAnswered r => r.ConsultId,
            CaseAnswered r => r.ConsultId,
            QuickFormSent r => r.ConsultId,
            AdviceChanged r => r.ConsultId,
            _ => string.Empty,
        };
        return _expanded.Message(
            RecordTemplate, ids => RecordCardData.From(record, _guidance.Questions, _guidance.ContentVersion, ids), new CardIds(consultId, audience.ClinicianId));
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
