using ImagingBot.State;
using ImagingBot.Tests.State;
using ImagingBot.Turn;

namespace ImagingBot.Tests.Turn;

/// <summary>The Redis lock's own promises: one holder, only the holder releases, a live turn keeps its lock.</summary>
[Collection(SharedRedisDefinition.Name)]
public class RedisConversationLockTests(SharedRedis redis)
{
    private const string Conversation = "emulator/conversations/lock-test";

    [Fact]
    public async Task A_held_lock_is_not_given_twice_and_is_free_again_once_released()
    {
        await using var connection = new RedisConnection(redis.Endpoint);
        var locks = new RedisConversationLock(connection, SharedRedis.NewKeyPrefix(), new ConversationLockTiming());

        var first = await locks.TryAcquireAsync(Conversation, TimeSpan.Zero, CancellationToken.None);
        Assert.NotNull(first);
        Assert.Null(await locks.TryAcquireAsync(Conversation, TimeSpan.FromMilliseconds(100), CancellationToken.None));
        await using (var other = await locks.TryAcquireAsync("emulator/conversations/another", TimeSpan.Zero, CancellationToken.None))
        {
            Assert.NotNull(other);
        }

        await first.DisposeAsync();
        await using var second = await locks.TryAcquireAsync(Conversation, TimeSpan.Zero, CancellationToken.None);
        Assert.NotNull(second);
    }

    [Fact]
    public async Task A_turn_that_outlives_the_time_to_live_keeps_its_lock_by_renewing_it()
    {
        await using var connection = new RedisConnection(redis.Endpoint);
        var locks = new RedisConversationLock(connection, SharedRedis.NewKeyPrefix(), new ConversationLockTiming { TimeToLive = TimeSpan.FromMilliseconds(1500) });

        await using var slowTurn = await locks.TryAcquireAsync(Conversation, TimeSpan.Zero, CancellationToken.None);
        Assert.NotNull(slowTurn);
        await Task.Delay(TimeSpan.FromSeconds(4));

        Assert.Null(await locks.TryAcquireAsync(Conversation, TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task A_turn_whose_lock_expired_cannot_release_the_next_turns_lock()
    {
        await using var connection = new RedisConnection(redis.Endpoint);
        var keyPrefix = SharedRedis.NewKeyPrefix();
        var unrenewed = new RedisConversationLock(connection, keyPrefix, new ConversationLockTiming { TimeToLive = TimeSpan.FromMilliseconds(300), MaximumHold = TimeSpan.Zero });
        var locks = new RedisConversationLock(connection, keyPrefix, new ConversationLockTiming());

        var stalled = await unrenewed.TryAcquireAsync(Conversation, TimeSpan.Zero, CancellationToken.None);
        Assert.NotNull(stalled);
        await using var next = await locks.TryAcquireAsync(Conversation, TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.NotNull(next);

        await stalled.DisposeAsync();

        Assert.Null(await locks.TryAcquireAsync(Conversation, TimeSpan.Zero, CancellationToken.None));
    }
}
