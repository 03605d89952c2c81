using System.Globalization;
using ImagingBot.CdsHooks.LoadTest;

// dotnet run -c Release --project bench/ImagingBot.CdsHooks.LoadTest -- [--concurrency 64] [--rounds 6] [--round-seconds 5]
//   [--tokens-per-user 1000] [--store Memory|Redis --redis host:port] [--phases: where one call's time goes]
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal)).ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : string.Empty, StringComparer.Ordinal);
var concurrency = int.Parse(options.GetValueOrDefault("concurrency", "64"), CultureInfo.InvariantCulture);
var rounds = int.Parse(options.GetValueOrDefault("rounds", "6"), CultureInfo.InvariantCulture);
var roundLength = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("round-seconds", "5"), CultureInfo.InvariantCulture));
var store = options.GetValueOrDefault("store", "Memory");

Console.WriteLine($"CDS Hooks order-select load benchmark: {concurrency} concurrent, {rounds} alternating rounds of {roundLength.TotalSeconds:F0} s, {store} store, {Environment.ProcessorCount} cores");
await using var hosts = await BenchHosts.StartAsync(store, options.GetValueOrDefault("redis"));
if (options.ContainsKey("phases"))
{
    await PhaseProfile.RunAsync(hosts, 2000, Console.Out);
    return 0;
}

var tokensPerUser = int.Parse(options.GetValueOrDefault("tokens-per-user", "1000"), CultureInfo.InvariantCulture);
var (floor, orderSelect) = await new OrderSelectBench(hosts, concurrency, rounds, roundLength, tokensPerUser, Console.Out).RunAsync();

Console.WriteLine();
Console.WriteLine("| scenario | calls | calls/s | p50 ms | p99 ms | errors |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
Console.WriteLine($"Tokens: {orderSelect.TokensPremade} signed before the run ({orderSelect.TokenMinting.TotalSeconds:F1} s, the EHR's work), none during it; {orderSelect.RoundsCutShort} of {rounds} order-select rounds used up their share before their time.");
foreach (var result in new[] { floor, orderSelect })
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {result.Scenario} | {result.Calls} | {result.CallsPerSecond:F0} | {result.Percentile(50):F1} | {result.Percentile(99):F1} | {result.Errors} |"));
}

var met = orderSelect.Percentile(99) < OrderSelectBench.TargetP99Milliseconds && orderSelect.Errors == 0;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(met ? "MET" : "NOT MET")}  order-select p99 < {OrderSelectBench.TargetP99Milliseconds} ms at {concurrency} concurrent, zero errors: p99 {orderSelect.Percentile(99):F1} ms ({orderSelect.Percentile(99) / floor.Percentile(99):F1}x the floor's {floor.Percentile(99):F1} ms), {orderSelect.Errors} errors"));
return met ? 0 : 1;
