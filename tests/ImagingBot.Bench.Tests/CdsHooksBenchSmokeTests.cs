using ImagingBot.CdsHooks.LoadTest;

namespace ImagingBot.Bench.Tests;

/// <summary>
/// The order-select benchmark's harness for one short round: every call answered, with the cards each patient should
/// get, its tokens accepted. Nothing is timed here; the numbers come from bench/ImagingBot.CdsHooks.LoadTest.
/// </summary>
public class CdsHooksBenchSmokeTests
{
    [Fact]
    public async Task A_short_run_answers_every_order_select_and_floor_call_without_an_error()
    {
        await using var hosts = await BenchHosts.StartAsync();

        var (floor, orderSelect) = await new OrderSelectBench(hosts, concurrency: 2, rounds: 1, roundLength: TimeSpan.FromMilliseconds(500), tokensPerUser: 50, TextWriter.Null).RunAsync();

        Assert.True(floor.Calls > 0 && orderSelect.Calls > 0);
        Assert.Equal((0, 0), (floor.Errors, orderSelect.Errors));
    }

    [Fact]
    public async Task An_order_select_round_ends_when_its_share_of_the_signed_tokens_is_used_up_instead_of_signing_during_the_run()
    {
        await using var hosts = await BenchHosts.StartAsync();

        // 10 tokens signed: 5 for the warm-up, 5 for the one measured round, which would otherwise run its 3 s (as the floor's round does).
        var (_, orderSelect) = await new OrderSelectBench(hosts, concurrency: 2, rounds: 1, roundLength: TimeSpan.FromSeconds(3), tokensPerUser: 5, TextWriter.Null).RunAsync();

        Assert.Equal((10, 5, 1), (orderSelect.TokensPremade, orderSelect.Calls, orderSelect.RoundsCutShort));
        Assert.True(orderSelect.Measured < TimeSpan.FromSeconds(1.5));
    }
}
