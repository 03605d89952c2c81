using System.Globalization;
using System.Text;
using ImagingBot.LoadTest.Load;

namespace ImagingBot.LoadTest.Reporting;

/// <summary>
/// The sections of docs/performance.md a run measured: "Connector path (issue 15)" and "Load benchmark (HTTP)" (the
/// expectReplies table of issue 8). Each section is replaced in place (from its heading to the next level-2 heading),
/// so the other sections of the file, like the microbenchmarks or a table this run did not measure, stay as they are.
/// </summary>
internal static class MarkdownReport
{
    public const string Heading = "## Load benchmark (HTTP)";
    public const string ConnectorHeading = "## Connector path (issue 15)";
    public const string AnalysisStart = "<!-- analysis: kept across runs -->";
    public const string AnalysisEnd = "<!-- /analysis -->";

    public static void WriteSection(string path, RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Performance\n";
        if (report.ConnectorSteps.Count > 0)
        {
            text = Replace(text, ConnectorHeading, analysis => RenderConnector(report, analysis));
        }

        if (report.Steps.Count > 0)
        {
            text = Replace(text, Heading, analysis => Render(report, analysis));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text.TrimEnd('\n') + "\n");
    }

    private static string Replace(string text, string heading, Func<string, string> render)
    {
        var (before, oldSection, after) = Split(text, heading);
        var section = render(ExtractAnalysis(oldSection) ?? "_No analysis written yet._");
        return before.TrimEnd('\n') + "\n\n" + section + (after.Length > 0 ? "\n" + after.TrimStart('\n') : string.Empty);
    }

    /// <summary>The connector table: what each row is, the rows, the per-round ratios, the targets.</summary>
    public static string RenderConnector(RunReport report, string analysis)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine(ConnectorHeading).AppendLine();
        md.AppendLine("The delivery path Teams uses: Teams activities (personal chat, tenant, normal delivery) whose `serviceUrl` is the bench's fake Bot Connector (Kestrel on 127.0.0.1, `POST /v3/conversations/{id}/activities[/{replyToId}]`); the bot answers 200 and posts its replies there. After each turn the virtual user takes its conversation's replies from the connector and checks them: a turn whose reply never arrived is a lost reply (and an error). The expectReplies table of issue 8 follows in the next section.").AppendLine();
        md.AppendLine("```sh").AppendLine(report.Command).AppendLine("```").AppendLine();
        md.AppendLine("`--paths connector` runs this table alone and rewrites only this section; with no `--paths` both tables run; `--smoke` is the bench tests' second-long run and writes nothing. Load avg counts the bench's own threads: an otherwise idle 2-core machine shows 3 to 5 during a run.").AppendLine();
        AppendRun(md, report, report.ConnectorLoad);
        md.AppendLine("- Rows, all in the same alternating rounds: *minimal floor*, an ASP.NET Core endpoint with no Bot Framework that reads the activity and posts one reply to the serviceUrl with one pooled HttpClient (no state, no authentication, no middleware); *echo floor*, our Bot Framework host (`AddBotRuntime`, the adapter, middleware and store) with the echo `IBot`; *consult*, the app's bot: `start` as a Teams message, every question card's `Action.Execute` clicked as Teams sends a Universal Action (an `adaptiveCard/action` invoke, whose response must be the answered card with no button left), the next question or the recommendation read at the connector and checked as in the expectReplies table; *consult (telemetry on)*, the same with the OpenTelemetry SDK collecting metrics and traces (Prometheus `/metrics` as the exporter, nothing leaves the process).");
        md.AppendLine("- vs floor is the row's turns/s over the minimal floor's; CPU %, CPU ms/turn, KB alloc/turn and Load avg as in the expectReplies table (the process holds the bots, the fake connector and the load generator).");
        md.AppendLine();
        md.AppendLine("| Row | Store | Conversations | Turns/s | vs floor | Consults/s | p50 ms | p99 ms | Errors | Lost replies | CPU % | CPU ms/turn | KB alloc/turn | Load avg |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var floor = report.MinimalFloor;
        foreach (var step in report.ConnectorSteps)
        {
            var row = step.Scenario + (step.Variant.Length > 0 ? $" ({step.Variant})" : string.Empty);
            var ratio = floor is { TurnsPerSecond: > 0 } ? (step.TurnsPerSecond / floor.TurnsPerSecond).ToString("P0", inv) : "-";
            var consults = step.Scenario == Connector.ConnectorScenarios.Consult ? step.ConsultsPerSecond.ToString("F0", inv) : "-";
            md.AppendLine(inv, $"| {row} | {step.Store} | {step.Concurrency} | {step.TurnsPerSecond:F0} | {ratio} | {consults} | {step.P50Ms:F2} | {step.P99Ms:F2} | {step.Errors} | {step.LostReplies} | {step.ProcessCpuPercent:F0} | {step.CpuMsPerTurn:F2} | {step.AllocatedBytesPerTurn / 1024:F0} | {step.LoadAverage:F1} |");
        }

        md.AppendLine();
        foreach (var step in report.ConnectorSteps.Where(step => !ReferenceEquals(step, floor)))
        {
            var ratios = report.ConnectorRoundRatios(step);
            md.AppendLine(inv, $"- Per-round ratios, {step.Label} over the minimal floor in the same round: {RunReport.Percentages(ratios)}{(ratios.Count > 1 ? $" (mean {RunReport.Spread(ratios)}, two standard errors)" : string.Empty)}.");
        }

        AppendErrorKinds(md, report.ConnectorSteps);

        md.AppendLine(inv, $"- Replies counted at the fake connector: {report.ConnectorRepliesCounted:N0} (warm-ups included).");
        AppendTargetsAndAnalysis(md, "### Targets (issue 15; telemetry on: issue 17)", TargetCheck.OnTheConnectorPath(report), analysis);
        return md.ToString();
    }

    /// <summary>The steps' errors and notes by kind, a line per step that has any.</summary>
    private static void AppendErrorKinds(StringBuilder md, IEnumerable<StepResult> steps)
    {
        foreach (var step in steps.Where(step => step.ErrorKinds.Count > 0 || step.Notes.Count > 0))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {step.Label}: {string.Join("; ", step.ErrorKinds.Concat(step.Notes).Select(kind => $"{kind.Value} x {kind.Key}"))}");
        }
    }

    private static void AppendTargetsAndAnalysis(StringBuilder md, string heading, IEnumerable<TargetCheck> checks, string analysis)
    {
        md.AppendLine().AppendLine(heading).AppendLine();
        md.AppendLine("| Target | Measured | Result |").AppendLine("|---|---|---|");
        foreach (var check in checks)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {check.Target} | {check.Measured} | {check.Result} |");
        }

        md.AppendLine().AppendLine("### Analysis").AppendLine();
        md.AppendLine(AnalysisStart).AppendLine(analysis.Trim()).AppendLine(AnalysisEnd);
    }

    private static void AppendRun(StringBuilder md, RunReport report, string load)
    {
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine(inv, $"- Date: {report.StartedAt:yyyy-MM-dd HH:mm} UTC, run took {report.Elapsed.TotalMinutes:F1} min; commit {report.Machine.Commit ?? "unknown"}");
        md.AppendLine(inv, $"- Machine: {report.Machine.Cores} cores ({report.Machine.Cpu}), {report.Machine.Memory} RAM, {report.Machine.Os}");
        md.AppendLine(inv, $"- Runtime: {report.Machine.Runtime}, Release build, {report.Machine.Gc} GC{(report.Machine.Redis is { } redis ? "; " + redis : string.Empty)}");
        md.AppendLine(inv, $"- Load generator: {report.Generator}");
        md.AppendLine(inv, $"- Load: {load}");
    }

    private static string PatientsSentence(IReadOnlyList<string> patients) => patients.Count switch
    {
        0 => "the patients were not recorded",
        1 => "one patient (" + patients[0] + ")",
        _ => patients.Count + " patients take turns (" + string.Join("; ", patients) + ")",
    };

    public static string Render(RunReport report, string analysis)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine(Heading).AppendLine();
        md.AppendLine("The bot over real HTTP: Kestrel on 127.0.0.1, the app's own wiring (`AddBotRuntime`, `AddConversationState`, `AddImagingBot`, `MapBotEndpoints`), anonymous Emulator-style activities with `deliveryMode: expectReplies` so every reply comes back in the HTTP response and no outbound connector call is made. The floor is the same host, adapter, middleware and store with an echo `IBot` that reads and saves a turn counter in the app's conversation state (`ChangeTrackedConversationState`).").AppendLine();
        md.AppendLine("```sh").AppendLine(report.Command).AppendLine("```").AppendLine();
        AppendRun(md, report, report.Load);
        md.AppendLine(inv, $"- Consult: a virtual clinician per conversation sends `start`, clicks the planned answer button of every question card (its `Action.Submit` data sent back as `value` with no text) and checks that the recommendation card orders the expected study first (the first study under the first-line heading) and shows the emergency banner exactly when the patient is an emergency; {PatientsSentence(report.Patients)}. The next consult starts in the same conversation with the card's \"New consult\" button, as in a Teams chat (the memory check uses a new conversation per consult instead). A wrong or missing reply counts as an error, and the virtual clinician then starts over.");
        md.AppendLine("- CPU % is this process's CPU time (bot and load generator together) over the step as a share of all cores, and CPU ms/turn the same CPU time per turn (the cost of a turn, whatever share of the cores the machine left us); KB alloc/turn the bytes the process allocated per turn; Reply KB the mean HTTP response body (the bot's replies); Check ms the wall time the load generator spent checking each reply after it arrived (part of CPU ms/turn, not of the bot); Load avg is the machine's 1-minute load average at the end of the step.");
        md.AppendLine("- How a step is measured: both bots run in this process side by side, and the machine's speed drifts from one 10-second window to the next, so at each concurrency the floor and the consult take turns in short rounds (floor, consult, then consult, floor, and so on, so that neither always goes first; more rounds at 64, where the targets compare them; see Load above). Each scenario's conversations and HTTP client are made once and carry on from round to round (a clinician in the middle of a consult goes on with it); only a scenario's first round has the full warm-up. A row combines a scenario's rounds: turns, errors, CPU seconds and allocations add up over all its measured seconds; p50 and p99 are read from all its rounds' latencies together; Reply KB and Check ms are means over all its turns; GC counts add up; Load avg is the highest of its rounds. The throughput target compares all the consult's rounds with all the floor's; the per-round ratios below show how far a single pair of windows could stray, and their mean with two standard errors how far the verdict can be trusted.");
        md.AppendLine();
        if (report.Pending.Count > 0)
        {
            md.AppendLine("Pending in this run:");
            foreach (var item in report.Pending)
            {
                md.AppendLine(inv, $"- {item}");
            }

            md.AppendLine();
        }

        md.AppendLine("| Scenario | Store | Conversations | Turns/s | Consults/s | p50 ms | p99 ms | Errors | CPU % | CPU ms/turn | KB alloc/turn | Reply KB | Check ms | Load avg |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var rows = report.Steps.AsEnumerable();
        rows = rows.Concat(report.FloorVariants);

        if (report.FaqSearch is { } faq)
        {
            rows = rows.Append(faq);
        }

        foreach (var step in rows)
        {
            var scenario = step.Scenario + (step.Variant.Length > 0 ? $" ({step.Variant})" : string.Empty);
            var consults = step.Scenario == "consult" ? step.ConsultsPerSecond.ToString("F0", inv) : "-";
            md.AppendLine(inv, $"| {scenario} | {step.Store} | {step.Concurrency} | {step.TurnsPerSecond:F0} | {consults} | {step.P50Ms:F2} | {step.P99Ms:F2} | {step.Errors} | {step.ProcessCpuPercent:F0} | {step.CpuMsPerTurn:F2} | {step.AllocatedBytesPerTurn / 1024:F0} | {step.ResponseBytesPerTurn / 1024:F1} | {step.GeneratorCheckMsPerTurn:F3} | {step.LoadAverage:F1} |");
        }

        md.AppendLine();
        foreach (var (store, ratios) in report.RoundRatiosAt64)
        {
            md.AppendLine(inv, $"- Per-round ratios at 64 ({store}), consult turns/s over the floor's in the same round: {RunReport.Percentages(ratios)}{(ratios.Count > 1 ? $" (mean {RunReport.Spread(ratios)}, two standard errors)" : string.Empty)}.");
        }

        AppendErrorKinds(md, report.Steps.Concat(report.FaqSearch is null ? [] : [report.FaqSearch]));

        if (report.ProductionLogLinesPerTurn is { } perTurn)
        {
            md.AppendLine(inv, $"- Floor variants at 64 (alternating rounds, same machine load): *as benchmarked*; *log level Information*, the app's appsettings.json filters with Default at Information and the console logger writing to a file, most frequent entries over its measured and warm-up turns: {string.Join("; ", report.ProductionLogEntries.Select(entry => $"`{entry.Key}` x {entry.Value:N0}"))}; *stock authentication*: Bot Framework's ConfigurationBotFrameworkAuthentication as registered before our ConnectorReusingAuthentication (a new ConnectorClient and UserTokenClient on every turn).");
        }

        if (report.StateSizes.Count > 0)
        {
            md.AppendLine(inv, $"- Serialized conversation state read raw from the store after the steps: {string.Join("; ", report.StateSizes.Select(size => $"{size.Store} {size.Keys} conversations, max {size.MaxBytes} B, mean {size.MeanBytes:F0} B"))}.");
        }

        if (report.Memory is { } memory)
        {
            md.AppendLine(inv, $"- Process memory ({report.MemoryStore} store; consults in new conversations, 64 at a time, after a forced full GC): {string.Join("; ", memory.Readings.Select(r => $"after {r.ConsultsSoFar:N0} consults GC heap {r.GcHeapBytes / 1048576.0:F1} MiB, working set {r.WorkingSetBytes / 1048576.0:F1} MiB, GC committed {r.GcCommittedBytes / 1048576.0:F1} MiB"))}{(memory.HitTimeLimit ? " (stopped at the time limit)" : string.Empty)}.");
        }

        var profiled = report.Steps.Where(step => step.Profile is not null).ToList();
        if (profiled.Count > 0)
        {
            md.AppendLine().AppendLine("Server time per turn (`--profile`: timing decorators around the app's IBot and IStorage; the rest of the round trip is Kestrel, the adapter, JSON and the load generator):").AppendLine();
            md.AppendLine("| Scenario | Store | Conversations | Round trip mean ms | Bot turn ms | Store read ms | Store write ms |");
            md.AppendLine("|---|---|---:|---:|---:|---:|---:|");
            foreach (var step in profiled)
            {
                var server = step.Profile!;
                md.AppendLine(inv, $"| {step.Scenario} | {step.Store} | {step.Concurrency} | {step.MeanMs:F3} | {server.BotMsPerTurn:F3} | {server.StoreReadMsPerTurn:F3} | {server.StoreWriteMsPerTurn:F3} |");
            }
        }

        AppendTargetsAndAnalysis(md, "### Targets (issue 8)", TargetCheck.OnTheExpectRepliesPath(report), analysis);
        return md.ToString();
    }

    private static (string Before, string Section, string After) Split(string text, string heading)
    {
        var start = text.IndexOf(heading, StringComparison.Ordinal);
        if (start < 0)
        {
            return (text, string.Empty, string.Empty);
        }

        var next = text.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return next < 0
            ? (text[..start], text[start..], string.Empty)
            : (text[..start], text[start..(next + 1)], text[(next + 1)..]);
    }

    private static string? ExtractAnalysis(string section)
    {
        var start = section.IndexOf(AnalysisStart, StringComparison.Ordinal);
        var end = section.IndexOf(AnalysisEnd, StringComparison.Ordinal);
        return start >= 0 && end > start ? section[(start + AnalysisStart.Length)..end] : null;
    }
}
