using BenchmarkDotNet.Attributes;
using ImagingBot.Guidance;

namespace ImagingBot.Benchmarks;

/// <summary>One decision per consult: target under 10 µs.</summary>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    private readonly ImagingDecision _decision = new(GuidanceLoader.LoadDefault());
    private readonly ClinicalAnswers _redFlags = new(true, true, false, false, Contraindication.None);
    private readonly ClinicalAnswers _mriNotPossible = new(false, false, true, true, Contraindication.MriNotPossible);
    private readonly ClinicalAnswers _noRedFlags = new(false, false, false, false);

    [Benchmark(Baseline = true)]
    public Recommendation DecideRedFlags() => _decision.Decide(_redFlags);

    [Benchmark]
    public Recommendation DecideEmergentMriNotPossible() => _decision.Decide(_mriNotPossible);

    [Benchmark]
    public Recommendation DecideNoRedFlags() => _decision.Decide(_noRedFlags);
}
