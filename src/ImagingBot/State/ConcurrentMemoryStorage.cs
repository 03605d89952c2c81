using System.Collections.Concurrent;
using Microsoft.Bot.Builder;

namespace ImagingBot.State;

/// <summary>
/// The Memory store: Bot Framework MemoryStorage's contract (the storage contract tests run on both) without its
/// lock for the whole store. MemoryStorage (de)serialises every value under that one lock, so at 64 concurrent
/// conversations turns queued and their threads went to sleep on it. Here each key holds its value's stored JSON
/// (<see cref="StoredState"/>, what RedisStorage writes), written and read outside any lock and swapped in
/// atomically (compare-and-swap for ETag checks), so the turns of different conversations never wait for each
/// other. As in Redis, a value expires <c>Storage:TimeToLive</c> after its last write, so answers do not linger.
/// </summary>
public sealed class ConcurrentMemoryStorage : IStorage
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeSpan _timeToLive;
    private readonly TimeSpan _sweepEvery;
    private readonly TimeProvider _clock;
    private long _nextSweepTicks;

    public ConcurrentMemoryStorage(TimeSpan timeToLive, TimeProvider? clock = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        _timeToLive = timeToLive;
        _sweepEvery = timeToLive < TimeSpan.FromMinutes(1) ? timeToLive : TimeSpan.FromMinutes(1);
        _clock = clock ?? TimeProvider.System;
        _nextSweepTicks = Now + _sweepEvery.Ticks;
    }

    /// <summary>The number of keys held, expired ones not yet swept included.</summary>
    public int Count => _entries.Count;

    private long Now => _clock.GetUtcNow().UtcTicks;

    /// <summary>Every live key with its stored JSON: what a durable store would hold (the load benchmark measures it).</summary>
    public IEnumerable<KeyValuePair<string, string>> StoredJson()
    {
        var now = Now;
        return _entries.Where(entry => !entry.Value.HasExpired(now)).Select(entry => KeyValuePair.Create(entry.Key, entry.Value.Json));
    }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var now = Now;
        var items = new Dictionary<string, object>(keys.Length, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            ArgumentNullException.ThrowIfNull(key);
            if (!items.ContainsKey(key) && _entries.TryGetValue(key, out var entry) && !entry.HasExpired(now)
                && StoredState.Deserialize(entry.Json) is { } item)
            {
                items.Add(key, item);
            }
        }

        return Task.FromResult<IDictionary<string, object>>(items);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();

        // Serialise everything first: a value that cannot be serialised fails the call before anything is stored.
        var now = Now;
        var expiresAt = now + _timeToLive.Ticks;
        var writes = changes.Select(change => (change.Key, change.Value, Entry: change.Value is null ? null : NewEntry(change.Value, expiresAt))).ToList();
        var conflict = false;
        foreach (var (key, value, entry) in writes)
        {
            ArgumentNullException.ThrowIfNull(key);
            if (entry is null)
            {
                // MemoryStorage keeps a null and then reads nothing for the key: the same as no key.
                _entries.TryRemove(key, out _);
            }
            else if (!StoredState.ChecksETag(value, out var expected))
            {
                _entries[key] = entry;
            }
            else
            {
                conflict |= !CheckAndSet(key, expected, entry, now);
            }
        }

        SweepIfDue(now);

        // Each key is checked and written on its own; a conflict on one key does not undo the others, as in RedisStorage.
        return conflict
            ? Task.FromException(new ETagConflictException("Etag conflict: the stored item changed since it was read, so this write was refused."))
            : Task.CompletedTask;
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var key in keys)
        {
            _entries.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }

    private static Entry NewEntry(object value, long expiresAt)
    {
        var etag = StoredState.NewETag(value);
        return new Entry(StoredState.Serialize(value, etag), etag, expiresAt);
    }

    // Written only if the stored ETag is still the expected one (none stored, or a plain value stored, also fits);
    // retried when another writer swapped the entry between the check and the swap.
    private bool CheckAndSet(string key, string? expected, Entry entry, long now)
    {
        while (true)
        {
            if (!_entries.TryGetValue(key, out var current))
            {
                if (_entries.TryAdd(key, entry))
                {
                    return true;
                }

                continue;
            }

            if (!current.HasExpired(now) && current.ETag is not null && current.ETag != expected)
            {
                return false;
            }

            if (_entries.TryUpdate(key, entry, current))
            {
                return true;
            }
        }
    }

    // At most once per sweep period, on the thread of a write (an idle store grows no further until then, and reads
    // never see an expired value).
    private void SweepIfDue(long now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now < due || Interlocked.CompareExchange(ref _nextSweepTicks, now + _sweepEvery.Ticks, due) != due)
        {
            return;
        }

        foreach (var entry in _entries)
        {
            if (entry.Value.HasExpired(now))
            {
                _entries.TryRemove(entry);
            }
        }
    }

    private sealed record Entry(string Json, string? ETag, long ExpiresAtTicks)
    {
        public bool HasExpired(long now) => now >= ExpiresAtTicks;
    }
}
