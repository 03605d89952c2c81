using System.Diagnostics;
using System.Text.Json;
using ImagingBot.LoadTest.Hosting;
using ImagingBot.LoadTest.Load;
using ImagingBot.LoadTest.Reporting;

namespace ImagingBot.Bench.Tests;

/// <summary>
/// A scenario's rounds combined into one step (<see cref="CombinedStep"/>): what one long window would have measured,
/// from known numbers. Nothing here is timed.
/// </summary>
public class CombinedStepTests
{
    [Fact]
    public void Percentiles_come_from_all_the_rounds_latencies_merged_not_from_each_rounds_percentiles()
    {
        // 1..200 ms split unevenly and out of order: the later round holds the fast turns.
        var slow = Round(Milliseconds(151, 200));
        var fast = Round(Milliseconds(1, 150));

        var combined = CombinedStep.Of([slow, fast]);

        Assert.Equal(100, combined.P50Ms, 9);
        Assert.Equal(180, combined.P90Ms, 9);
        Assert.Equal(198, combined.P99Ms, 9);
        Assert.Equal(200, combined.MaxMs, 9);
        Assert.Equal(100.5, combined.MeanMs, 9);
        Assert.Equal(200, combined.LatencyTicks!.Count);

        // What the rounds say alone, so the merged figures above are not their max or mean by chance.
        Assert.Equal(200, Math.Max(slow.P99Ms, fast.P99Ms), 9);
        Assert.Equal(125, (slow.P50Ms + fast.P50Ms) / 2, 9);
    }

    [Fact]
    public void Counts_and_times_add_up_and_per_turn_figures_are_weighted_by_turns()
    {
        var first = Round([]) with
        {
            Seconds = 2,
            Turns = 100,
            Consults = 10,
            Errors = 1,
            CpuSeconds = 1.5,
            ProcessCpuPercent = 37.5,
            AllocatedBytesPerTurn = 1000,
            GeneratorCheckMsPerTurn = 0.01,
            ResponseBytesPerTurn = 2000,
            GarbageCollections = "3/1/0",
            LoadAverage = 2.5,
            Profile = new TurnProfileSnapshot(100, 50, 100, 5, 100, 7),
            ErrorKinds = new Dictionary<string, long> { ["HTTP 500"] = 1 },
            Notes = new Dictionary<string, long> { ["pending"] = 2 },
            RoundTurnsPerSecond = [50],
        };
        var second = Round([]) with
        {
            Seconds = 3,
            Turns = 300,
            Consults = 30,
            Errors = 2,
            CpuSeconds = 3,
            ProcessCpuPercent = 50,
            AllocatedBytesPerTurn = 2000,
            GeneratorCheckMsPerTurn = 0.03,
            ResponseBytesPerTurn = 4000,
            GarbageCollections = "5/2/1",
            LoadAverage = 1.5,
            Profile = new TurnProfileSnapshot(300, 120, 300, 15, 300, 21),
            ErrorKinds = new Dictionary<string, long> { ["HTTP 500"] = 1, ["request timed out"] = 1 },
            Notes = new Dictionary<string, long> { ["pending"] = 1 },
            RoundTurnsPerSecond = [100],
        };

        var combined = CombinedStep.Of([first, second]);

        Assert.Equal(("floor", "memory", 64), (combined.Scenario, combined.Store, combined.Concurrency));
        Assert.Equal(5, combined.Seconds, 9);
        Assert.Equal(400, combined.Turns);
        Assert.Equal(40, combined.Consults);
        Assert.Equal(3, combined.Errors);
        Assert.Equal(80, combined.TurnsPerSecond, 9);
        Assert.Equal(8, combined.ConsultsPerSecond, 9);
        Assert.Equal(4.5, combined.CpuSeconds, 9);
        Assert.Equal(45, combined.ProcessCpuPercent, 9);
        Assert.Equal(11.25, combined.CpuMsPerTurn, 9);
        Assert.Equal(1750, combined.AllocatedBytesPerTurn, 9);
        Assert.Equal(0.025, combined.GeneratorCheckMsPerTurn, 9);
        Assert.Equal(3500, combined.ResponseBytesPerTurn, 9);
        Assert.Equal("8/3/1", combined.GarbageCollections);
        Assert.Equal(2.5, combined.LoadAverage, 9);
        Assert.Equal(new TurnProfileSnapshot(400, 170, 400, 20, 400, 28), combined.Profile);
        Assert.Equal(new Dictionary<string, long> { ["HTTP 500"] = 2, ["request timed out"] = 1 }, combined.ErrorKinds);
        Assert.Equal(new Dictionary<string, long> { ["pending"] = 3 }, combined.Notes);
        Assert.Equal(new[] { 50.0, 100.0 }, combined.RoundTurnsPerSecond);
    }

    [Fact]
    public void One_round_combined_is_that_round()
    {
        var round = Round(Milliseconds(1, 40)) with { Seconds = 2, Turns = 40, Errors = 1, CpuSeconds = 1, ProcessCpuPercent = 25, GarbageCollections = "4/0/0", LoadAverage = 1.2, RoundTurnsPerSecond = [20] };

        var combined = CombinedStep.Of([round]);

        Assert.Equal(round, combined with { LatencyTicks = round.LatencyTicks, ErrorKinds = round.ErrorKinds, Notes = round.Notes, RoundTurnsPerSecond = round.RoundTurnsPerSecond });
        Assert.Equal(round.LatencyTicks, combined.LatencyTicks);
        Assert.Equal(new[] { 20.0 }, combined.RoundTurnsPerSecond);
    }

    [Fact]
    public void Rounds_of_different_steps_or_without_latencies_are_refused()
    {
        var floor = Round([]);

        Assert.Throws<ArgumentException>(() => CombinedStep.Of([floor, floor with { Scenario = "consult" }]));
        Assert.Throws<ArgumentException>(() => CombinedStep.Of([floor, floor with { LatencyTicks = null }]));
        Assert.Throws<ArgumentException>(() => CombinedStep.Of([]));
    }

    [Fact]
    public void Garbage_collections_are_left_blank_when_a_round_did_not_count_them()
    {
        var combined = CombinedStep.Of([Round([]) with { GarbageCollections = "1/0/0" }, Round([])]);

        Assert.Equal(string.Empty, combined.GarbageCollections);
    }

    [Fact]
    public void The_report_gives_the_consult_over_the_floor_round_by_round_at_64_and_keeps_latencies_out_of_the_json()
    {
        var report = new RunReport { Command = "test", StartedAt = DateTimeOffset.UnixEpoch, Machine = new MachineInfo(2, "cpu", "1 GiB", ".NET", "Linux", "server", null, null), Load = "test" };
        report.Steps.Add(CombinedStep.Of([Round(Milliseconds(1, 3)) with { RoundTurnsPerSecond = [1000] }, Round(Milliseconds(1, 3)) with { RoundTurnsPerSecond = [2000] }]));
        report.Steps.Add(CombinedStep.Of([Round(Milliseconds(1, 3)) with { Scenario = "consult", RoundTurnsPerSecond = [720] }, Round(Milliseconds(1, 3)) with { Scenario = "consult", RoundTurnsPerSecond = [1360] }]));

        Assert.Equal(new[] { 0.72, 0.68 }, report.RoundRatios("memory", 64));
        Assert.Equal("72%, 68%", RunReport.Percentages(report.RoundRatiosAt64["memory"]));
        Assert.Empty(report.RoundRatios("redis", 64));
        Assert.Contains("Per-round ratios at 64 (memory), consult turns/s over the floor's in the same round: 72%, 68% (mean 70% ± 4 points over 2 rounds, two standard errors).", MarkdownReport.Render(report, "analysis"), StringComparison.Ordinal);
        Assert.Contains("rounds' mean 70% ± 4 points over 2 rounds", TargetCheck.Evaluate(report)[0].Measured, StringComparison.Ordinal);

        var json = JsonDocument.Parse(JsonSerializer.Serialize(report)).RootElement;
        var step = json.GetProperty("Steps")[0];
        Assert.False(step.TryGetProperty(nameof(StepResult.LatencyTicks), out _));
        Assert.Equal(2, step.GetProperty(nameof(StepResult.RoundTurnsPerSecond)).GetArrayLength());
        Assert.Equal(0.68, json.GetProperty(nameof(RunReport.RoundRatiosAt64)).GetProperty("memory")[1].GetDouble(), 9);
    }

    [Fact]
    public void The_spread_of_the_round_ratios_is_their_mean_and_two_standard_errors()
    {
        // Mean 0.70; sample standard deviation 0.0283 (squares 0.0008 over one degree of freedom); two standard errors: 2 x 0.0283 / sqrt(2) = 0.04.
        Assert.Equal("70% ± 4 points over 2 rounds", RunReport.Spread([0.68, 0.72]));
        Assert.Equal("70% ± 0 points over 3 rounds", RunReport.Spread([0.70, 0.70, 0.70]));
        Assert.Equal(string.Empty, RunReport.Spread([0.70]));
    }

    private static StepResult Round(long[] sortedTicks) =>
        new StepResult { Scenario = "floor", Store = "memory", Concurrency = 64 }.WithLatencies(sortedTicks);

    private static long[] Milliseconds(int from, int to) =>
        [.. Enumerable.Range(from, to - from + 1).Select(ms => ms * Stopwatch.Frequency / 1000)];
}
