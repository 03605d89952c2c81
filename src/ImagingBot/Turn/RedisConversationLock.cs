using ImagingBot.State;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace ImagingBot.Turn;

/// <summary>
/// The lock for the Redis store, shared by every instance: <c>SET {KeyPrefix}:lock:{conversation} token NX PX ttl</c>.
/// Only the holder's token releases (compare-and-delete) or renews (compare-and-expire) it, so a turn whose
/// lock expired can never release the next turn's lock. Waiting polls with a growing, jittered delay.
/// </summary>
public sealed class RedisConversationLock(RedisConnection connection, string keyPrefix, ConversationLockTiming timing) : IConversationLock
{
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    private const string RenewScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return 0
        """;

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMilliseconds(200);

    private readonly RedisKey _keyPrefix = keyPrefix + ":lock:";

    public async Task<IAsyncDisposable?> TryAcquireAsync(string conversationKey, TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        var database = await DatabaseAsync().ConfigureAwait(false);
        var token = Guid.NewGuid().ToString("N");
        var deadline = DateTime.UtcNow + wait;
        var retry = FirstRetry;
        while (true)
        {
            if (await StoreCall(database.StringSetAsync(conversationKey, token, timing.TimeToLive, When.NotExists)).ConfigureAwait(false))
            {
                return new Held(database, conversationKey, token, timing);
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            // Jitter keeps waiting instances from retrying in step.
            var delay = TimeSpan.FromMilliseconds(retry.TotalMilliseconds * (0.5 + Random.Shared.NextDouble()));
            await Task.Delay(delay < left ? delay : left, cancellationToken).ConfigureAwait(false);
            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
        }
    }

    private async Task<IDatabaseAsync> DatabaseAsync()
    {
        try
        {
            return (await connection.GetDatabaseAsync().ConfigureAwait(false)).WithKeyPrefix(_keyPrefix);
        }
        catch (Exception exception) when (IsStoreFailure(exception))
        {
            throw new StateStoreUnavailableException(exception);
        }
    }

    private static async Task<T> StoreCall<T>(Task<T> call)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (Exception exception) when (IsStoreFailure(exception))
        {
            // The turn cannot be serialised, so it must not run: the adapter tells the clinician to retry.
            throw new StateStoreUnavailableException(exception);
        }
    }

    // RedisTimeoutException is a TimeoutException, not a RedisException.
    private static bool IsStoreFailure(Exception exception) => exception is RedisException or RedisTimeoutException;

    private sealed class Held : IAsyncDisposable
    {
        private readonly IDatabaseAsync _database;
        private readonly RedisKey _key;
        private readonly string _token;
        private readonly CancellationTokenSource _stopRenewing = new();
        private readonly Task _renewing;
        private int _released;

        public Held(IDatabaseAsync database, RedisKey key, string token, ConversationLockTiming timing)
        {
            _database = database;
            _key = key;
            _token = token;
            _renewing = RenewAsync(timing);
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 1)
            {
                return;
            }

            await _stopRenewing.CancelAsync().ConfigureAwait(false);
            await _renewing.ConfigureAwait(false);
            _stopRenewing.Dispose();
            try
            {
                await _database.ScriptEvaluateAsync(ReleaseScript, [_key], [_token]).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsStoreFailure(exception))
            {
                // The store went away after the turn: the lock expires by itself within its time to live.
            }
        }

        // A slow turn (a slow channel, a store that answers late) keeps its lock, up to the maximum hold.
        private async Task RenewAsync(ConversationLockTiming timing)
        {
            var every = timing.TimeToLive / 3;
            var until = DateTime.UtcNow + timing.MaximumHold;
            try
            {
                while (DateTime.UtcNow + every < until)
                {
                    await Task.Delay(every, _stopRenewing.Token).ConfigureAwait(false);
                    await _database.ScriptEvaluateAsync(RenewScript, [_key], [_token, (long)timing.TimeToLive.TotalMilliseconds]).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                // Released.
            }
            catch (Exception exception) when (IsStoreFailure(exception))
            {
                // Renewal is best effort; the turn itself reports a store that is down.
            }
        }
    }
}
