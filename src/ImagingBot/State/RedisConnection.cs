using StackExchange.Redis;

namespace ImagingBot.State;

/// <summary>
/// One shared, lazily opened connection to Redis. Nothing connects at start-up, and a Redis that is down
/// never stops the app from starting (abortConnect=false): the multiplexer keeps reconnecting in the
/// background and the store reports itself unavailable until it answers.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    // Every wait on Redis is bounded, so a turn or /readyz never hangs on a store that is gone.
    private static readonly TimeSpan MaximumWait = TimeSpan.FromSeconds(3);

    private readonly ConfigurationOptions _configuration;
    private readonly Lock _gate = new();
    private readonly List<Action<IConnectionMultiplexer>> _whenConnected = [];
    private Task<ConnectionMultiplexer>? _connecting;

    public RedisConnection(string connectionString)
    {
        _configuration = ConfigurationOptions.Parse(connectionString);
        _configuration.AbortOnConnectFail = false;
        _configuration.ConnectTimeout = (int)MaximumWait.TotalMilliseconds;
        _configuration.SyncTimeout = (int)MaximumWait.TotalMilliseconds;
        _configuration.AsyncTimeout = (int)MaximumWait.TotalMilliseconds;
    }

    public async Task<IDatabase> GetDatabaseAsync()
    {
        Task<ConnectionMultiplexer> connecting;
        lock (_gate)
        {
            // A failed first attempt is not cached: the next turn tries again.
            if (_connecting is null || _connecting.IsFaulted || _connecting.IsCanceled)
            {
                _connecting = ConnectAsync();
            }

            connecting = _connecting;
        }

        var multiplexer = await connecting.ConfigureAwait(false);
        return multiplexer.GetDatabase();
    }

    /// <summary>
    /// Calls <paramref name="callback"/> with each multiplexer this connection opens, the current one included (the
    /// Redis trace instrumentation registers itself with it).
    /// </summary>
    public void WhenConnected(Action<IConnectionMultiplexer> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        Task<ConnectionMultiplexer>? current;
        lock (_gate)
        {
            _whenConnected.Add(callback);
            current = _connecting;
        }

        if (current is { IsCompletedSuccessfully: true })
        {
            callback(current.Result);
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(_configuration).ConfigureAwait(false);
        Action<IConnectionMultiplexer>[] callbacks;
        lock (_gate)
        {
            callbacks = [.. _whenConnected];
        }

        foreach (var callback in callbacks)
        {
            try
            {
                callback(multiplexer);
            }
            catch (ObjectDisposedException)
            {
                // The listener went away with its host (the trace provider at shutdown): the store works on without it.
            }
        }

        return multiplexer;
    }

    public async ValueTask DisposeAsync()
    {
        Task<ConnectionMultiplexer>? connecting;
        lock (_gate)
        {
            connecting = _connecting;
            _connecting = null;
        }

        if (connecting is null)
        {
            return;
        }

        try
        {
            await (await connecting.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
        catch (RedisException)
        {
            // Never connected: nothing to close.
        }
    }
}
