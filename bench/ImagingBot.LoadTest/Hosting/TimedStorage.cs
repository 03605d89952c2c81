using System.Diagnostics;
using Microsoft.Bot.Builder;

namespace ImagingBot.LoadTest.Hosting;

/// <summary>The app's IStorage, timed (only with <c>--profile</c>).</summary>
internal sealed class TimedStorage(IStorage inner, TurnProfile profile) : IStorage
{
    public IStorage Inner => inner;

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await inner.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            profile.AddRead(Stopwatch.GetTimestamp() - started);
        }
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await inner.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            profile.AddWrite(Stopwatch.GetTimestamp() - started);
        }
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
}
