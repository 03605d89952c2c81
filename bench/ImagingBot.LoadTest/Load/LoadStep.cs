using System.Diagnostics;

namespace ImagingBot.LoadTest.Load;

/// <summary>
/// Runs N virtual users at once: a warm-up that is not measured, then a fixed measured window. A turn counts when it
/// starts and ends inside the window. The step ends at the duration or at the turn bound, whichever comes first.
/// </summary>
internal static class LoadStep
{
    public static async Task<StepResult> RunAsync(
        StepResult template,
        BotClient client,
        IReadOnlyList<IVirtualUser> users,
        TimeSpan warmup,
        TimeSpan duration,
        long maxTurns,
        TimeSpan requestTimeout,
        Hosting.TurnProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(users);
        var window = new Window();
        var recorders = users.Select(_ => new TurnRecorder()).ToArray();
        using var abort = new CancellationTokenSource();
        var loops = users.Select((user, index) => Task.Run(() => LoopAsync(user, recorders[index], client, window, abort.Token))).ToArray();

        await Task.Delay(warmup).ConfigureAwait(false);
        using var process = Process.GetCurrentProcess();
        var cpuAtStart = process.TotalProcessorTime;
        var allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
        var profileAtStart = profile?.Snapshot();
        int[] collectionsAtStart = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        window.Start = Stopwatch.GetTimestamp();
        var deadline = window.Start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline && Interlocked.Read(ref window.Counted) < maxTurns)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(100, duration.TotalMilliseconds))).ConfigureAwait(false);
        }

        window.End = Stopwatch.GetTimestamp();
        window.Stopping = true;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuAtStart;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedAtStart;
        var server = profile?.Snapshot().Minus(profileAtStart!);
        var collections = string.Join('/', Enumerable.Range(0, 3).Select(generation => GC.CollectionCount(generation) - collectionsAtStart[generation]));

        // Users finish the turn they are in; a request never outlives its timeout, so this wait is bounded.
        var all = Task.WhenAll(loops);
        if (await Task.WhenAny(all, Task.Delay(requestTimeout + TimeSpan.FromSeconds(5))).ConfigureAwait(false) != all)
        {
            await abort.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
        }

        var latencies = recorders.SelectMany(r => r.LatencyTicks).Order().ToArray();
        var turns = recorders.Sum(r => r.Turns);
        var seconds = (window.End - window.Start) / (double)Stopwatch.Frequency;
        return (template with
        {
            Seconds = seconds,
            ProcessCpuPercent = 100 * cpu.TotalSeconds / (seconds * Environment.ProcessorCount),
            CpuSeconds = cpu.TotalSeconds,
            GarbageCollections = collections,
            Profile = server,
            LoadAverage = LoadAverage1(),
            Turns = turns,
            AllocatedBytesPerTurn = turns > 0 ? (double)allocated / turns : 0,
            Consults = recorders.Sum(r => r.Consults),
            Errors = recorders.Sum(r => r.Errors),
            LostReplies = recorders.Sum(r => r.LostReplies),
            GeneratorCheckMsPerTurn = turns > 0 ? recorders.Sum(r => r.CheckTicks) * 1000.0 / Stopwatch.Frequency / turns : 0,
            ResponseBytesPerTurn = turns > 0 ? (double)recorders.Sum(r => r.ResponseBytes) / turns : 0,
            ErrorKinds = CombinedStep.Counts(recorders.Select(r => r.ErrorKinds)),
            Notes = CombinedStep.Counts(recorders.Select(r => r.Notes)),
            RoundTurnsPerSecond = [seconds > 0 ? turns / seconds : 0],
        }).WithLatencies(latencies);
    }

    private static async Task LoopAsync(IVirtualUser user, TurnRecorder recorder, BotClient client, Window window, CancellationToken abort)
    {
        while (!window.Stopping && !abort.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            TurnOutcome outcome;
            try
            {
                outcome = await user.RunTurnAsync(client, abort).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
            {
                outcome = TurnOutcome.Failed(exception is TaskCanceledException ? "request timed out" : "HTTP failure: " + exception.GetType().Name);
            }

            var ended = Stopwatch.GetTimestamp();
            var start = window.Start;
            if (start != 0 && started >= start && !window.Stopping)
            {
                recorder.Record(outcome, ended - started, user.LastResponse, ended);
                Interlocked.Increment(ref window.Counted);
            }
        }
    }

    private static double LoadAverage1()
    {
        const string LoadAverageFile = "/proc/loadavg";
        return File.Exists(LoadAverageFile)
            && double.TryParse(File.ReadAllText(LoadAverageFile).Split(' ')[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var load)
            ? load
            : double.NaN;
    }

    /// <summary>Shared by the users of one step; written by the step, read by the users.</summary>
    private sealed class Window
    {
        private long _start;
        private long _end;
        private volatile bool _stopping;

        public long Counted;

        public long Start { get => Volatile.Read(ref _start); set => Volatile.Write(ref _start, value); }

        public long End { get => Volatile.Read(ref _end); set => Volatile.Write(ref _end, value); }

        public bool Stopping { get => _stopping; set => _stopping = value; }
    }
}
