using ImagingBot.LoadTest;
using ImagingBot.LoadTest.Scenarios;

namespace ImagingBot.Bench.Tests;

/// <summary>The load benchmark's command line: the rounds of each concurrency's comparison.</summary>
public class LoadTestOptionsTests
{
    [Fact]
    public void A_full_run_measures_in_four_rounds_and_a_quick_run_in_two()
    {
        Assert.Equal(4, LoadTestOptions.Parse([]).Rounds);
        Assert.Equal(2, LoadTestOptions.Parse(["--quick"]).Rounds);
    }

    [Fact]
    public void Rounds_given_on_the_command_line_win_over_the_quick_defaults()
    {
        var options = LoadTestOptions.Parse(["--quick", "--rounds", "3", "--duration", "9"]);

        Assert.Equal(3, options.Rounds);
        Assert.Equal(TimeSpan.FromSeconds(9), options.Duration);
        Assert.Equal(1, LoadTestOptions.Parse(["--rounds", "1"]).Rounds);
    }

    [Fact]
    public void Later_rounds_warm_up_half_a_second_or_less_when_the_first_warm_up_is_shorter()
    {
        Assert.Equal(TimeSpan.FromSeconds(0.5), LoadTestOptions.Parse([]).RoundWarmup);
        Assert.Equal(TimeSpan.FromSeconds(0.2), LoadTestOptions.Parse(["--warmup", "0.2"]).RoundWarmup);
    }

    [Fact]
    public void The_targets_concurrency_runs_more_rounds_of_the_same_length()
    {
        var full = LoadTestOptions.Parse([]);
        Assert.Equal(12, full.RoundsAt(LoadTestOptions.TargetConcurrency));
        Assert.Equal(4, full.RoundsAt(16));
        Assert.Equal(TimeSpan.FromSeconds(2.5), full.RoundLength);

        var quick = LoadTestOptions.Parse(["--quick"]);
        Assert.Equal(2, quick.RoundsAt(LoadTestOptions.TargetConcurrency));

        Assert.Equal(20, LoadTestOptions.Parse(["--target-rounds", "20"]).RoundsAt(64));
        // Never fewer rounds at the target's concurrency than elsewhere.
        Assert.Equal(8, LoadTestOptions.Parse(["--rounds", "8", "--target-rounds", "2"]).RoundsAt(64));
        Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["--target-rounds", "0"]));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    public void Fewer_than_one_round_is_refused(string rounds) =>
        Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["--rounds", rounds]));

    [Fact]
    public void Rounds_without_a_number_are_refused()
    {
        Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["--rounds"]));
        Assert.Throws<FormatException>(() => LoadTestOptions.Parse(["--rounds", "four"]));
    }

    [Fact]
    public void The_patients_are_the_article_patient_unless_named_on_the_command_line()
    {
        Assert.Equal([ConsultProfile.ArticlePatient], LoadTestOptions.Parse([]).Patients);
        Assert.Equal([ConsultProfile.ArticlePatient, ConsultProfile.Emergency, ConsultProfile.OlderAfterFall], LoadTestOptions.Parse(["--patients", "article,Emergency, older-fall"]).Patients);
        Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["--patients", "pacemaker"]));
    }

    [Fact]
    public void Both_tables_run_by_default_and_the_connector_table_alone_on_asking()
    {
        Assert.Equal([LoadTestOptions.ConnectorPath, LoadTestOptions.ExpectRepliesPath], LoadTestOptions.Parse([]).Paths);
        Assert.Equal([LoadTestOptions.ConnectorPath], LoadTestOptions.Parse(["--paths", "connector"]).Paths);
        Assert.Equal(16, LoadTestOptions.Parse(["--connector-concurrency", "16"]).ConnectorConcurrency);
        Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["--paths", "websocket"]));
        Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["--connector-concurrency", "0"]));
    }

    [Fact]
    public void Every_connector_row_runs_unless_some_are_named_for_a_profile()
    {
        Assert.Equal(["minimal", "echo", "consult", "telemetry"], LoadTestOptions.Parse([]).ConnectorRows);
        Assert.Equal(["echo"], LoadTestOptions.Parse(["--connector-rows", "echo"]).ConnectorRows);
        Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["--connector-rows", "floor"]));
    }

    [Fact]
    public void The_smoke_run_is_the_connector_table_on_the_memory_store_and_writes_nothing()
    {
        var smoke = LoadTestOptions.Parse(["--smoke"]);

        Assert.Equal([LoadTestOptions.ConnectorPath], smoke.Paths);
        Assert.Equal(["memory"], smoke.Stores);
        Assert.Null(smoke.MarkdownPath);
        Assert.Null(smoke.JsonPath);
        Assert.InRange(smoke.RoundLength * smoke.RoundsAt(LoadTestOptions.TargetConcurrency), TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }
}
