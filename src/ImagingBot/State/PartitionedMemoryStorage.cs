using Microsoft.Bot.Builder;

namespace ImagingBot.State;

/// <summary>
/// The Memory store: Bot Framework's <see cref="MemoryStorage"/>, one per partition of the keys. MemoryStorage
/// serialises every read and write under one lock for the whole store, so at 64 concurrent conversations turns
/// queued on that lock (a third of a consult turn's time in a profile); a key always lives in the same partition,
/// so each key keeps exactly MemoryStorage's semantics (ETags, typed values, deletes).
/// </summary>
public sealed class PartitionedMemoryStorage : IStorage
{
    private readonly MemoryStorage[] _partitions;

    public PartitionedMemoryStorage(int partitions = 32)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        _partitions = [.. Enumerable.Range(0, partitions).Select(_ => new MemoryStorage())];
    }

    /// <summary>The stores behind the partitions (the load benchmark measures the state they hold).</summary>
    public IReadOnlyList<MemoryStorage> Partitions => _partitions;

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 1)
        {
            return await PartitionOf(keys[0]).ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        }

        var items = new Dictionary<string, object>();
        foreach (var group in keys.GroupBy(PartitionOf))
        {
            foreach (var item in await group.Key.ReadAsync([.. group], cancellationToken).ConfigureAwait(false))
            {
                items[item.Key] = item.Value;
            }
        }

        return items;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 1)
        {
            await PartitionOf(changes.Keys.First()).WriteAsync(changes, cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var group in changes.GroupBy(change => PartitionOf(change.Key)))
        {
            await group.Key.WriteAsync(group.ToDictionary(), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var group in keys.GroupBy(PartitionOf))
        {
            await group.Key.DeleteAsync([.. group], cancellationToken).ConfigureAwait(false);
        }
    }

    private MemoryStorage PartitionOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _partitions[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_partitions.Length)];
    }
}
