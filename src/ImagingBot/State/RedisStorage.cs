using ImagingBot.Telemetry;
using Microsoft.Bot.Builder;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace ImagingBot.State;

/// <summary>
/// Bot Framework <see cref="IStorage"/> on Redis, with the semantics of Bot Framework's MemoryStorage:
/// values are stored as Newtonsoft JSON with type names (so state comes back typed); an <see cref="IStoreItem"/>
/// is written only if its ETag is the stored one or "*" (none or empty: only if nothing is stored), and gets a new ETag;
/// other values overwrite; missing keys are absent from a read. Each key is one Redis hash
/// (<c>json</c>, <c>etag</c>) under <c>{KeyPrefix}:</c>, and every write restarts its time to live.
/// Redis failures surface as <see cref="StateStoreUnavailableException"/>.
/// </summary>
public sealed class RedisStorage : IStorage
{
    private const string JsonField = "json";
    private const string ETagField = "etag";

    // The ETag check and the write are one atomic step on the server, so two instances writing the same
    // conversation cannot both win. KEYS[1] item; ARGV[1] '1' = check the ETag; ARGV[2] the writer's ETag
    // ('' when it has none: then any stored ETag conflicts, as in MemoryStorage); ARGV[3] JSON;
    // ARGV[4] new ETag ('' for values without one); ARGV[5] time to live in milliseconds.
    private const string CheckAndSetScript = """
        local current = redis.call('HGET', KEYS[1], 'etag')
        if ARGV[1] == '1' and current and current ~= ARGV[2] then
          return 0
        end
        redis.call('DEL', KEYS[1])
        if ARGV[4] == '' then
          redis.call('HSET', KEYS[1], 'json', ARGV[3])
        else
          redis.call('HSET', KEYS[1], 'json', ARGV[3], 'etag', ARGV[4])
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[5])
        return 1
        """;

    private readonly RedisConnection _connection;
    private readonly RedisKey _keyPrefix;
    private readonly long _timeToLiveMilliseconds;
    private readonly StoreMetrics? _metrics;

    public RedisStorage(RedisConnection connection, string keyPrefix, TimeSpan timeToLive, StoreMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyPrefix);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        _connection = connection;
        _keyPrefix = keyPrefix + ":";
        _timeToLiveMilliseconds = Math.Max(1, (long)Math.Ceiling(timeToLive.TotalMilliseconds));
        _metrics = metrics;
    }

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        var started = _metrics?.Start() ?? 0;
        try
        {
            var items = await ReadKeysAsync(keys, cancellationToken).ConfigureAwait(false);
            _metrics?.Called(StoreMetrics.Read, started);
            return items;
        }
        catch (StateStoreUnavailableException unavailable)
        {
            _metrics?.Called(StoreMetrics.Read, started, unavailable.InnerException ?? unavailable);
            throw;
        }
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        var started = _metrics?.Start() ?? 0;
        try
        {
            await WriteChangesAsync(changes, cancellationToken).ConfigureAwait(false);
            _metrics?.Called(StoreMetrics.Write, started);
        }
        catch (StateStoreUnavailableException unavailable)
        {
            _metrics?.Called(StoreMetrics.Write, started, unavailable.InnerException ?? unavailable);
            throw;
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        var started = _metrics?.Start() ?? 0;
        try
        {
            await DeleteKeysAsync(keys, cancellationToken).ConfigureAwait(false);
            _metrics?.Called(StoreMetrics.Delete, started);
        }
        catch (StateStoreUnavailableException unavailable)
        {
            _metrics?.Called(StoreMetrics.Delete, started, unavailable.InnerException ?? unavailable);
            throw;
        }
    }

    private async Task<IDictionary<string, object>> ReadKeysAsync(string[] keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var database = await DatabaseAsync(cancellationToken).ConfigureAwait(false);
        var batch = database.CreateBatch();
        var reads = keys.Distinct(StringComparer.Ordinal).Select(key => (key, json: batch.HashGetAsync(key, JsonField))).ToList();
        batch.Execute();
        await WhenRedisAnswers(Task.WhenAll(reads.Select(read => read.json)), cancellationToken).ConfigureAwait(false);

        var items = new Dictionary<string, object>(reads.Count);
        foreach (var (key, json) in reads)
        {
            var value = json.Result;
            if (value.HasValue && StoredState.Deserialize(value.ToString()) is { } item)
            {
                items.Add(key, item);
            }
        }

        return items;
    }

    private async Task WriteChangesAsync(IDictionary<string, object> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        // Serialise everything first: a value that cannot be serialised fails the call before anything is sent.
        var arguments = changes.Select(change => (change.Key, Arguments: change.Value is null ? null : WriteArguments(change.Value))).ToList();
        var database = await DatabaseAsync(cancellationToken).ConfigureAwait(false);
        var batch = database.CreateBatch();
        var writes = new List<Task<RedisResult>>(arguments.Count);
        var deletes = new List<Task<bool>>();
        foreach (var (key, values) in arguments)
        {
            if (values is null)
            {
                // MemoryStorage keeps a null and then reads nothing for the key: the same as no key.
                deletes.Add(batch.KeyDeleteAsync(key));
                continue;
            }

            writes.Add(batch.ScriptEvaluateAsync(CheckAndSetScript, [key], values));
        }

        batch.Execute();
        await WhenRedisAnswers(Task.WhenAll(writes.Cast<Task>().Concat(deletes)), cancellationToken).ConfigureAwait(false);

        // Each key is checked and written atomically on its own; a conflict on one key does not undo the
        // others, as in MemoryStorage (and as a Redis cluster would require: keys live in different slots).
        if (writes.Any(write => (int)write.Result == 0))
        {
            throw new ETagConflictException("Etag conflict: the stored item changed since it was read, so this write was refused.");
        }
    }

    private async Task DeleteKeysAsync(string[] keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var database = await DatabaseAsync(cancellationToken).ConfigureAwait(false);
        var batch = database.CreateBatch();
        var deletes = keys.Select(key => batch.KeyDeleteAsync(key)).ToList();
        batch.Execute();
        await WhenRedisAnswers(Task.WhenAll(deletes), cancellationToken).ConfigureAwait(false);
    }

    private RedisValue[] WriteArguments(object value)
    {
        var newETag = StoredState.NewETag(value);
        var check = StoredState.ChecksETag(value, out var expected) ? "1" : "0";
        return [check, expected ?? string.Empty, StoredState.Serialize(value, newETag), newETag ?? string.Empty, _timeToLiveMilliseconds];
    }

    private async Task<IDatabase> DatabaseAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var database = await _connection.GetDatabaseAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return database.WithKeyPrefix(_keyPrefix);
        }
        catch (Exception exception) when (IsStoreFailure(exception))
        {
            throw new StateStoreUnavailableException(exception);
        }
    }

    private static async Task WhenRedisAnswers(Task commands, CancellationToken cancellationToken)
    {
        try
        {
            await commands.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsStoreFailure(exception))
        {
            throw new StateStoreUnavailableException(exception);
        }
    }

    // Connection loss, timeouts and server-side refusals (LOADING, READONLY, MISCONF ...) all mean the store
    // cannot serve this turn right now.
    private static bool IsStoreFailure(Exception exception) =>
        exception is RedisConnectionException or RedisTimeoutException or RedisServerException;
}
