using BenchmarkDotNet.Attributes;
using ImagingBot.Cards;
using ImagingBot.Dialogs;
using ImagingBot.Dialogs.Consult;
using ImagingBot.Guidance;
using ImagingBot.Hosting;
using ImagingBot.Templating;

namespace ImagingBot.Benchmarks;

/// <summary>
/// Building the recommendation message from a decided <see cref="Recommendation"/>: map to the card's data, find the
/// card expanded for the same data before (or expand the compiled template the first time), put the consult id in,
/// wrap it as a Bot Framework activity. Target under 200 µs. The bot keeps expanded cards, so the kept-card rows are
/// what a turn pays; <see cref="ArticlePatientExpansionOnly"/> is what the first consult with these answers pays.
/// The methods return object: BenchmarkDotNet's generated project cannot see the Bot Framework DLLs that
/// build/BotFramework.props references by path, so no Bot Framework type may appear in a benchmark's signature.
/// </summary>
[MemoryDiagnoser]
public class RecommendationCardBenchmarks
{
    private readonly TemplatedConsultCards _cards;
    private readonly CardTemplateCatalog _catalog;
    private readonly BecauseFacts _because;
    private readonly Recommendation _articlePatient;
    private readonly Recommendation _emergentMriNotPossible;
    private readonly Recommendation _noRedFlags;
    private readonly IntakeQuestion _cancer;
    private readonly PromptContext<ConsultAnswers> _prompt = new("cancer", "c-3f9a61", 0, new ConsultAnswers(), PromptReason.First, 0, false);

    public RecommendationCardBenchmarks()
    {
        var guidance = GuidanceLoader.LoadDefault();
        var decision = new ImagingDecision(guidance);
        _catalog = CardTemplateCatalog.Load(CardsExtensions.DefaultCardDirectory);
        _because = new BecauseFacts(guidance);
        _cards = new TemplatedConsultCards(_catalog, guidance);
        _articlePatient = decision.Decide(new ClinicalAnswers(true, true, false, false, Contraindication.None));
        _emergentMriNotPossible = decision.Decide(new ClinicalAnswers(false, false, true, true, Contraindication.MriNotPossible));
        _noRedFlags = decision.Decide(new ClinicalAnswers(false, false, false, false));
        _cancer = guidance.Question(IntakeQuestionId.SuspectedCancer);
    }

    [Benchmark(Baseline = true)]
    public object ArticlePatient() => _cards.Recommendation(_articlePatient, "c-3f9a61");

    [Benchmark]
    public object EmergentMriNotPossible() => _cards.Recommendation(_emergentMriNotPossible, "c-3f9a61");

    /// <summary>The part of <see cref="ArticlePatient"/> that is the mapping and the template expansion.</summary>
    [Benchmark]
    public object ArticlePatientExpansionOnly() => _catalog["recommendation"].Expand(RecommendationCardData.From(_articlePatient, "c-3f9a61", _because));

    [Benchmark]
    public object NoRedFlags() => _cards.Recommendation(_noRedFlags, "c-3f9a61");

    /// <summary>A question card (the first question of a consult), kept after its first expansion.</summary>
    [Benchmark]
    public object QuestionCard() => _cards.Question(_cancer, "cancer", _prompt, 1, 4, offerQuickForm: false);
}
