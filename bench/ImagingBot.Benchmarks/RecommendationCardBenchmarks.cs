using BenchmarkDotNet.Attributes;
using ImagingBot.Cards;
using ImagingBot.Consult;
using ImagingBot.Guidance;
using ImagingBot.Hosting;
using ImagingBot.Templating;

namespace ImagingBot.Benchmarks;

/// <summary>
/// Building the advice message from a decided <see cref="Advice"/> (<see cref="IConsultCards.Advice"/>, as the bot
/// renders the consult's <see cref="GiveAdvice"/>): map to the card's data, find the card expanded for the same
/// data before (or expand the compiled template the first time), put the consult id in, wrap it as a Bot Framework
/// activity. Target under 200 µs. The bot keeps expanded cards, so the kept-card rows are what a turn pays;
/// <see cref="ArticlePatientExpansionOnly"/> is what the first consult with these answers pays.
/// The methods return object: BenchmarkDotNet's generated project cannot see the Bot Framework DLLs that
/// build/BotFramework.props references by path, so no Bot Framework type may appear in a benchmark's signature.
/// </summary>
[MemoryDiagnoser]
public class RecommendationCardBenchmarks
{
    private const string ConsultId = "c-3f9a61";

    private readonly TemplatedConsultCards _cards;
    private readonly CardTemplateCatalog _catalog;
    private readonly Recommendation _articlePatientAdvice;
    private readonly GiveAdvice _articlePatient;
    private readonly GiveAdvice _caudaEquina;
    private readonly GiveAdvice _olderAfterFall;
    private readonly GiveAdvice _acuteNoRedFlags;
    private readonly AskQuestion _firstQuestion;

    public RecommendationCardBenchmarks()
    {
        var guidance = GuidanceLoader.LoadDefault();
        var decision = new ImagingDecision(guidance);
        _catalog = CardTemplateCatalog.Load(CardsExtensions.DefaultCardDirectory);
        _cards = new TemplatedConsultCards(_catalog, guidance);

        // What the consult hands the bot layer at the end of each patient's consult.
        GiveAdvice Advice((string, string)[] patient) => new(ConsultId, decision.Decide(Patients.Answered(decision, patient)));
        _articlePatient = Advice(Patients.ArticlePatient);
        _articlePatientAdvice = (Recommendation)_articlePatient.Advice;
        _caudaEquina = Advice(Patients.CaudaEquina);
        _olderAfterFall = Advice(Patients.OlderAfterFall);
        _acuteNoRedFlags = Advice(Patients.AcuteNoRedFlags);

        // The first question of every consult: the cauda equina screen.
        var first = decision.NextQuestion(ClinicalAnswers.Empty)!;
        _firstQuestion = new AskQuestion(ConsultId, first, 1, PromptReason.First, OfferQuickForm: false);
    }

    [Benchmark(Baseline = true)]
    public object ArticlePatient() => _cards.Advice(_articlePatient);

    /// <summary>Variant 4, emergent: the banner and the "if MRI is not possible" studies.</summary>
    [Benchmark]
    public object CaudaEquinaEmergent() => _cards.Advice(_caudaEquina);

    /// <summary>Variant 6: radiography first.</summary>
    [Benchmark]
    public object OlderAfterFall() => _cards.Advice(_olderAfterFall);

    /// <summary>Variant 1: no imaging first.</summary>
    [Benchmark]
    public object AcuteNoRedFlags() => _cards.Advice(_acuteNoRedFlags);

    /// <summary>The part of <see cref="ArticlePatient"/> that is the mapping and the template expansion.</summary>
    [Benchmark]
    public object ArticlePatientExpansionOnly() => _catalog["recommendation"].Expand(RecommendationCardData.From(_articlePatientAdvice, ConsultId));

    /// <summary>A question card (the first question of a consult), kept after its first expansion.</summary>
    [Benchmark]
    public object QuestionCard() => _cards.Question(_firstQuestion);
}
