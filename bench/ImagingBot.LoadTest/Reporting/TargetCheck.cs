using ImagingBot.LoadTest.Connector;

namespace ImagingBot.LoadTest.Reporting;

/// <summary>
/// One target of issue 8 (the expectReplies table) or issue 15 (the connector table) with what was measured and
/// whether it was met (null: could not be measured yet).
/// </summary>
internal sealed record TargetCheck(string Target, string Measured, bool? Pass)
{
    public string Result => Pass switch
    {
        true => "MET",
        false => "NOT MET",
        null => "PENDING",
    };

    /// <summary>Every target: the expectReplies table's (issue 8), then the connector table's (issue 15).</summary>
    public static IReadOnlyList<TargetCheck> Evaluate(RunReport report) => [.. OnTheExpectRepliesPath(report), .. OnTheConnectorPath(report)];

    public static IReadOnlyList<TargetCheck> OnTheExpectRepliesPath(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var checks = new List<TargetCheck>();
        var greeting = report.ConsultMode == Scenarios.ConsultMode.GreetingOnly;
        foreach (var (store, minimum) in new[] { ("memory", 0.70), ("redis", 0.50) })
        {
            var floor = report.Find("floor", store, LoadTestOptions.TargetConcurrency);
            var consult = report.Find("consult", store, LoadTestOptions.TargetConcurrency);
            if (floor is null || consult is null || greeting)
            {
                checks.Add(new($"Consult throughput at 64 >= {minimum:P0} of the floor ({store})", greeting ? "consult not merged: greeting bot measured" : "not measured", null));
                checks.Add(new($"Consult p99 at 64 <= 2 x floor p99 ({store})", greeting ? "consult not merged" : "not measured", null));
                continue;
            }

            var ratio = consult.TurnsPerSecond / floor.TurnsPerSecond;
            var rounds = report.RoundRatios(store, LoadTestOptions.TargetConcurrency);
            checks.Add(new(
                $"Consult throughput at 64 >= {minimum:P0} of the floor ({store})",
                $"{consult.TurnsPerSecond:F0} / {floor.TurnsPerSecond:F0} turns/s = {ratio:P0} (CPU per turn: floor {floor.CpuMsPerTurn:F2} ms, consult {consult.CpuMsPerTurn:F2} ms = {(consult.CpuMsPerTurn > 0 ? floor.CpuMsPerTurn / consult.CpuMsPerTurn : 0):P0})"
                    + (rounds.Count > 1 ? $"; rounds' mean {RunReport.Spread(rounds)}" : string.Empty),
                ratio >= minimum));
            checks.Add(new(
                $"Consult p99 at 64 <= 2 x floor p99 ({store})",
                $"{consult.P99Ms:F1} ms vs 2 x {floor.P99Ms:F1} ms",
                consult.P99Ms <= 2 * floor.P99Ms));
        }

        var errors = report.Steps.Sum(step => step.Errors) + (report.FaqSearch?.Errors ?? 0) + (report.Memory?.Errors ?? 0);
        checks.Add(new("Zero errors", $"{errors} errors in {report.Steps.Sum(step => step.Turns) + (report.FaqSearch?.Turns ?? 0):N0} measured turns and the memory check", errors == 0));

        var consultStates = report.StateSizes.Where(size => size.Store.StartsWith("consult", StringComparison.Ordinal) && size.Keys > 0).ToList();
        checks.Add(consultStates.Count == 0 || greeting
            ? new("Serialized state per conversation <= 2 KB", greeting ? "consult not merged" : "not measured", null)
            : new("Serialized state per conversation <= 2 KB", string.Join("; ", consultStates.Select(size => $"{size.Store}: max {size.MaxBytes} B, mean {size.MeanBytes:F0} B")), consultStates.All(size => size.MaxBytes <= 2048)));

        checks.Add(report.Memory is { } memory
            ? new(
                $"Memory flat over {memory.Target:N0} finished consults ({report.MemoryStore} store)",
                $"GC heap {Signed(memory.GcHeapGrowth)} ({memory.GcHeapGrowthPerConsult:F0} B per consult), working set {Signed(memory.WorkingSetGrowth)}{(greeting ? "; greeting bot" : string.Empty)}",
                greeting ? null : memory.IsFlat)
            : new("Memory flat over 10,000 finished consults", "not measured", null));

        checks.Add(report.FaqSearch is { } faq
            ? new(
                $"FAQ search from the compose box p99 < 50 ms at {faq.Concurrency}",
                $"p99 {faq.P99Ms:F1} ms" + (faq.Notes.ContainsKey(Scenarios.FaqSearchUser.PendingNote) ? " (of the HTTP 501 answer: handler not merged)" : string.Empty),
                faq.Notes.ContainsKey(Scenarios.FaqSearchUser.PendingNote) ? null : faq.P99Ms < 50 && faq.Errors == 0)
            : new("FAQ search from the compose box p99 < 50 ms at 64", "not measured", null));
        return checks;
    }

    /// <summary>
    /// Issue 15's targets, each row against the minimal floor of the same rounds; the consult with telemetry on (issue
    /// 17) against the same targets as without.
    /// </summary>
    public static IReadOnlyList<TargetCheck> OnTheConnectorPath(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var checks = new List<TargetCheck>();
        var floor = report.MinimalFloor;
        var at = floor?.Concurrency ?? LoadTestOptions.TargetConcurrency;
        foreach (var (store, variant, minimum, judgeP99) in new[] { ("memory", "", 0.60, true), ("redis", "", 0.45, false), ("memory", ConnectorScenarios.TelemetryOn, 0.60, true) })
        {
            var consultName = "consult" + (variant.Length > 0 ? $" ({variant})" : string.Empty);
            var throughput = $"Connector path: {consultName} turns/s at {at} >= {minimum:P0} of the minimal floor ({store})";
            var p99 = $"Connector path: {consultName} p99 at {at} <= 2 x the minimal floor's p99 ({store})";
            var consult = report.FindOnConnector(ConnectorScenarios.Consult, store, variant);
            if (floor is null || consult is null)
            {
                checks.Add(new(throughput, "not measured", null));
                if (judgeP99)
                {
                    checks.Add(new(p99, "not measured", null));
                }

                continue;
            }

            var ratio = floor.TurnsPerSecond > 0 ? consult.TurnsPerSecond / floor.TurnsPerSecond : 0;
            var rounds = report.ConnectorRoundRatios(consult);
            checks.Add(new(
                throughput,
                $"{consult.TurnsPerSecond:F0} / {floor.TurnsPerSecond:F0} turns/s = {ratio:P0}" + (rounds.Count > 1 ? $"; rounds' mean {RunReport.Spread(rounds)}" : string.Empty),
                ratio >= minimum));
            if (judgeP99)
            {
                checks.Add(new(p99, $"{consult.P99Ms:F1} ms vs 2 x {floor.P99Ms:F1} ms", consult.P99Ms <= 2 * floor.P99Ms));
            }
        }

        var lost = report.ConnectorSteps.Sum(step => step.LostReplies);
        var errors = report.ConnectorSteps.Sum(step => step.Errors);
        checks.Add(report.ConnectorSteps.Count == 0
            ? new("Connector path: zero lost replies, zero errors", "not measured", null)
            : new(
                "Connector path: zero lost replies, zero errors",
                $"{lost} lost replies and {errors} errors in {report.ConnectorSteps.Sum(step => step.Turns):N0} measured turns, every turn checked; {report.ConnectorRepliesCounted:N0} replies counted at the fake connector (warm-ups included)",
                lost == 0 && errors == 0));
        return checks;
    }

    private static string Signed(long bytes) => $"{(bytes >= 0 ? "+" : "-")}{Math.Abs(bytes) / 1048576.0:F1} MiB";
}
