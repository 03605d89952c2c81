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
        await AnswerPartsAsync(services, bodies, output).ConfigureAwait(false);
    }

    /// <summary>The answer's parts one by one, as the service runs them: the orders and codes, the advice, the feedback record.</summary>
    private static async Task AnswerPartsAsync(IServiceProvider services, IReadOnlyList<byte[]> bodies, TextWriter output)
    {
        var reader = services.GetRequiredService<FhirOrderReader>();
        var advisor = services.GetRequiredService<ImagingOrderAdvisor>();
        var feedback = services.GetRequiredService<Feedback.StoredCdsFeedbackCounts>();
        var requests = bodies.Select(body => JsonSerializer.Deserialize<CdsHookRequest>(body, CdsHooksJson.Options)!).ToList();
        var parts = new double[3];
        for (var pass = 0; pass < 2; pass++)
        {
            Array.Clear(parts);
            foreach (var request in requests)
            {
                var t0 = Stopwatch.GetTimestamp();
                var orders = reader.Read(request, selectedOnly: true);
                var t1 = Stopwatch.GetTimestamp();
                var advice = orders.Select(advisor.Advise).OfType<OrderAdvice>().ToList();
                var t2 = Stopwatch.GetTimestamp();
                if (advice.Count > 0)
                {
                    await feedback.RememberIssuedAsync(advice, CancellationToken.None).ConfigureAwait(false);
                }

                var t3 = Stopwatch.GetTimestamp();
                parts[0] += Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
                parts[1] += Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds;
                parts[2] += Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds;
            }
        }

        var calls = requests.Count;
        await output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the answer's parts: orders and codes {parts[0] / calls:F3} ms, advice (decision, card, actions) {parts[1] / calls:F3} ms, feedback record {parts[2] / calls:F3} ms")).ConfigureAwait(false);
    }
}
