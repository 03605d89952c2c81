namespace ImagingBot.Turn;

/// <summary>
/// The lock for the Memory store (one instance): a semaphore per conversation, removed again when no turn
/// holds or waits for it, so memory does not grow with every conversation ever seen.
/// </summary>
public sealed class InProcessConversationLock : IConversationLock
{
    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();

    /// <summary>Conversations that currently have a turn holding or waiting for the lock.</summary>
    public int ConversationsInUse
    {
        get
        {
            lock (_sync)
            {
                return _gates.Count;
            }
        }
    }

    public async Task<IAsyncDisposable?> TryAcquireAsync(string conversationKey, TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        Gate gate;
        lock (_sync)
        {
            if (!_gates.TryGetValue(conversationKey, out gate!))
            {
                gate = new Gate();
                _gates.Add(conversationKey, gate);
            }

            gate.Users++;
        }

        var entered = false;
        try
        {
            entered = await gate.Semaphore.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (!entered)
            {
                Leave(conversationKey, gate);
            }
        }

        return entered ? new Held(this, conversationKey, gate) : null;
    }

    private void Leave(string conversationKey, Gate gate)
    {
        lock (_sync)
        {
            if (--gate.Users == 0)
            {
                _gates.Remove(conversationKey);
                gate.Semaphore.Dispose();
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        // Turns holding or waiting; guarded by _sync.
        public int Users { get; set; }
    }

    private sealed class Held(InProcessConversationLock owner, string conversationKey, Gate gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Semaphore.Release();
                owner.Leave(conversationKey, gate);
            }

            return ValueTask.CompletedTask;
        }
    }
}
