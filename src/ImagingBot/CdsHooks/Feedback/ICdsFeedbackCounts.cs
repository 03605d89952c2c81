namespace ImagingBot.CdsHooks.Feedback;

/// <summary>
/// What clinicians did with the CDS Hooks cards, counted and nothing more: for the operations metrics to read (for
/// example as observable counters). Counts live in the configured store, shared by every instance, and expire with
/// the store's <c>Storage:TimeToLive</c> after the last feedback, like every stored value.
/// </summary>
public interface ICdsFeedbackCounts
{
    Task<CdsFeedbackSnapshot> SnapshotAsync(CancellationToken cancellationToken = default);
}
