namespace ImagingBot.CdsHooks.LoadTest;

/// <summary>The calls of one scenario over all its rounds: their latencies (ms) and what went wrong.</summary>
internal sealed class RoundResult(string scenario)
{
    private readonly List<double> _latencies = [];

    public string Scenario { get; } = scenario;

    public long Errors { get; private set; }

    public TimeSpan Measured { get; private set; }

    public int Calls => _latencies.Count;

    public int TokensPremade { get; set; }

    /// <summary>Measured order-select rounds that used up their share of the signed tokens before their time.</summary>
    public int RoundsCutShort { get; set; }

    public TimeSpan TokenMinting { get; set; }

    public double CallsPerSecond => Measured > TimeSpan.Zero ? Calls / Measured.TotalSeconds : 0;

    public void Add(IReadOnlyList<double> latencies, long errors, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(latencies);
        _latencies.AddRange(latencies);
        Errors += errors;
        Measured += elapsed;
    }

    public double Percentile(double p)
    {
        if (_latencies.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _latencies.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
