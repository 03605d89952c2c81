using System.Diagnostics;

namespace ImagingBot.LoadTest.Hosting;

/// <summary>
/// Where a turn's time goes on the server, summed by the timing decorators of <c>--profile</c>: the bot's turn as a
/// whole and the store's reads and writes inside it. The rest of a request is Kestrel, the adapter and the JSON.
/// </summary>
internal sealed class TurnProfile
{
    private long _turns;
    private long _turnTicks;
    private long _reads;
    private long _readTicks;
    private long _writes;
    private long _writeTicks;

    public void AddTurn(long ticks)
    {
        Interlocked.Increment(ref _turns);
        Interlocked.Add(ref _turnTicks, ticks);
    }

    public void AddRead(long ticks)
    {
        Interlocked.Increment(ref _reads);
        Interlocked.Add(ref _readTicks, ticks);
    }

    public void AddWrite(long ticks)
    {
        Interlocked.Increment(ref _writes);
        Interlocked.Add(ref _writeTicks, ticks);
    }

    public TurnProfileSnapshot Snapshot() => new(
        Interlocked.Read(ref _turns),
        Milliseconds(Interlocked.Read(ref _turnTicks)),
        Interlocked.Read(ref _reads),
        Milliseconds(Interlocked.Read(ref _readTicks)),
        Interlocked.Read(ref _writes),
        Milliseconds(Interlocked.Read(ref _writeTicks)));

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

internal sealed record TurnProfileSnapshot(long Turns, double TurnMs, long Reads, double ReadMs, long Writes, double WriteMs)
{
    public TurnProfileSnapshot Minus(TurnProfileSnapshot earlier) => new(
        Turns - earlier.Turns, TurnMs - earlier.TurnMs, Reads - earlier.Reads, ReadMs - earlier.ReadMs, Writes - earlier.Writes, WriteMs - earlier.WriteMs);

    /// <summary>Two windows' server time together (the rounds of one step).</summary>
    public TurnProfileSnapshot Plus(TurnProfileSnapshot other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Turns + other.Turns, TurnMs + other.TurnMs, Reads + other.Reads, ReadMs + other.ReadMs, Writes + other.Writes, WriteMs + other.WriteMs);
    }

    public double BotMsPerTurn => Turns > 0 ? TurnMs / Turns : 0;

    public double StoreReadMsPerTurn => Turns > 0 ? ReadMs / Turns : 0;

    public double StoreWriteMsPerTurn => Turns > 0 ? WriteMs / Turns : 0;
}
