using System.Diagnostics;
using System.Text.Json;
using ImagingBot.CdsHooks.Security;
using ImagingBot.CdsHooks.Wire;

namespace ImagingBot.CdsHooks.LoadTest;

/// <summary>
/// Where one order-select call's time goes, measured in process and one call at a time (no HTTP, no concurrency):
/// the token check, reading the request (envelope and FHIR), the answer (codes, decision, card, feedback record) and
/// writing the response. <c>--phases</c> prints it; the numbers go to docs/performance.md.
/// </summary>
internal static class PhaseProfile
{
    public static async Task RunAsync(BenchHosts hosts, int calls, TextWriter output)
    {
        var services = hosts.ServiceProvider;
        var answerer = services.GetRequiredService<OrderHookService>();
        var tokens = services.GetRequiredService<CdsHooksTokenValidator>();
        var audiences = new[] { BenchHosts.ServiceBaseUrl + "/" + BenchHosts.Service };
        var bodies = Enumerable.Range(0, calls).Select(i => OrderSelectRequests.Body(i % OrderSelectRequests.Patients.Length, i % 64)).ToList();
        var signed = Enumerable.Range(0, calls * 2).Select(_ => "Bearer " + hosts.Token()).ToList();
        var phases = new double[4];
        for (var pass = 0; pass < 2; pass++)
        {
            Array.Clear(phases);
            for (var i = 0; i < calls; i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                await tokens.CheckAsync(signed[(pass * calls) + i], audiences, CancellationToken.None).ConfigureAwait(false);
                var t1 = Stopwatch.GetTimestamp();
                var request = JsonSerializer.Deserialize<CdsHookRequest>(bodies[i], CdsHooksJson.Options)!;
                var t2 = Stopwatch.GetTimestamp();
                var response = await answerer.AnswerAsync(request, CancellationToken.None).ConfigureAwait(false);
                var t3 = Stopwatch.GetTimestamp();
                JsonSerializer.SerializeToUtf8Bytes(response, CdsHooksJson.Options);
                var t4 = Stopwatch.GetTimestamp();
                phases[0] += Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
                phases[1] += Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds;
                phases[2] += Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds;
                phases[3] += Stopwatch.GetElapsedTime(t3, t4).TotalMilliseconds;
            }
        }

        await output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"per call, in process, {calls} calls after as many warm-up calls: token {phases[0] / calls:F3} ms, read {phases[1] / calls:F3} ms, answer {phases[2] / calls:F3} ms, write {phases[3] / calls:F3} ms")).ConfigureAwait(false);
    }
}
