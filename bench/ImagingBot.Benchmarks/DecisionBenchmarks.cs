using BenchmarkDotNet.Attributes;
using ImagingBot.Guidance;

namespace ImagingBot.Benchmarks;

/// <summary>
/// One decision per consult, for several ACR variants: target under 10 µs. The decision keeps the advice of each
/// complete set of answers, so these rows are what a consult's last turn pays after the first consult with the same
/// answers. <see cref="NextQuestionMidConsult"/> is what every question turn asks of the decision.
/// </summary>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    private readonly ImagingDecision _decision;
    private readonly ClinicalAnswers _articlePatient;
    private readonly ClinicalAnswers _mriNotPossible;
    private readonly ClinicalAnswers _caudaEquina;
    private readonly ClinicalAnswers _olderAfterFall;
    private readonly ClinicalAnswers _acuteNoRedFlags;
    private readonly ClinicalAnswers _midConsult;

    public DecisionBenchmarks()
    {
        _decision = new ImagingDecision(GuidanceLoader.LoadDefault());
        _articlePatient = Patients.Answered(_decision, Patients.ArticlePatient);
        _mriNotPossible = Patients.Answered(_decision, Patients.ArticlePatientMriNotPossible);
        _caudaEquina = Patients.Answered(_decision, Patients.CaudaEquina);
        _olderAfterFall = Patients.Answered(_decision, Patients.OlderAfterFall);
        _acuteNoRedFlags = Patients.Answered(_decision, Patients.AcuteNoRedFlags);
        _midConsult = Patients.AnsweredBefore(_decision, Patients.AcuteNoRedFlags, "priorSurgery");
    }

    /// <summary>Variant 7 (cancer history): MRI without and with IV contrast.</summary>
    [Benchmark(Baseline = true)]
    public Advice DecideArticlePatient() => _decision.Decide(_articlePatient);

    [Benchmark]
    public Advice DecideArticlePatientMriNotPossible() => _decision.Decide(_mriNotPossible);

    /// <summary>Variant 4, emergent, decided after the first answer.</summary>
    [Benchmark]
    public Advice DecideCaudaEquinaEmergent() => _decision.Decide(_caudaEquina);

    /// <summary>Variant 6: radiography first.</summary>
    [Benchmark]
    public Advice DecideOlderAfterFall() => _decision.Decide(_olderAfterFall);

    /// <summary>Variant 1: no imaging first.</summary>
    [Benchmark]
    public Advice DecideAcuteNoRedFlags() => _decision.Decide(_acuteNoRedFlags);

    /// <summary>Which question comes next after the red-flag questions of a patient without any.</summary>
    [Benchmark]
    public IntakeQuestion? NextQuestionMidConsult() => _decision.NextQuestion(_midConsult);
}
