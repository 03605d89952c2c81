namespace ImagingBot.LoadTest.Reporting;

/// <summary>One target of issue 8 with what was measured and whether it passed (null: could not be measured yet).</summary>
internal sealed record TargetCheck(string Target, string Measured, bool? Pass)
{
    public string Result => Pass switch
    {
        true => "PASS",
        false => "FAIL",
        null => "PENDING",
    };

    public static IReadOnlyList<TargetCheck> Evaluate(RunReport report)
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

    private static string Signed(long bytes) => $"{(bytes >= 0 ? "+" : "-")}{Math.Abs(bytes) / 1048576.0:F1} MiB";
}
