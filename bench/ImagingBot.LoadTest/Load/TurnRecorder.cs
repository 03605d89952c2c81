namespace ImagingBot.LoadTest.Load;

/// <summary>What one virtual user saw inside the measured window; one per user, so no locks on the hot path.</summary>
internal sealed class TurnRecorder
{
    public List<long> LatencyTicks { get; } = new(4096);

    public long Turns { get; set; }

    public long Consults { get; set; }

    public long Errors { get; set; }

    public long LostReplies { get; set; }

    public long CheckTicks { get; set; }

    public long ResponseBytes { get; set; }

    public Dictionary<string, long> ErrorKinds { get; } = [];

    public Dictionary<string, long> Notes { get; } = [];

    public void Record(TurnOutcome outcome, long elapsedTicks, BotResponse response, long ended)
    {
        if (response.Body is not null)
        {
            CheckTicks += Math.Max(0, ended - response.ReceivedAt);
            ResponseBytes += response.Body.Length;
        }

        Turns++;
        LostReplies += outcome.LostReplies;
        LatencyTicks.Add(elapsedTicks);
        if (outcome.FinishedConsult)
        {
            Consults++;
        }

        if (outcome.Error is { } error)
        {
            Errors++;
            ErrorKinds[error] = ErrorKinds.GetValueOrDefault(error) + 1;
        }

        if (outcome.Note is { } note)
        {
            Notes[note] = Notes.GetValueOrDefault(note) + 1;
        }
    }
}
