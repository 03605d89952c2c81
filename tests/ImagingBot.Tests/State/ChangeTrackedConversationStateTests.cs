using ImagingBot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using static ImagingBot.Tests.State.EarlierStateFormat;
using StoredConsult = ImagingBot.Consult.ConsultState;

namespace ImagingBot.Tests.State;

/// <summary>
/// The conversation state the bot uses, on a real store: what BotState does for each call, except that it writes
/// only after a value was set or deleted. Each "turn" is a fresh TurnContext, as the adapter makes one per activity.
/// </summary>
public abstract class ChangeTrackedConversationStateTests
{
    protected const string ConsultProperty = ImagingBot.Bots.ImagingBotActivityHandler.ConsultPropertyName;

    // A consult waiting for a one-line case's confirmation (answers and findings set). The lists the real consult makes
    // are ConcurrentMemoryStorageContractTests' concern; here the state class is.
    protected static readonly StoredConsult Consult = EarlierStateFormat.Consult;

    private readonly string _conversationId = "conversation-" + Guid.NewGuid();

    protected abstract IStorage CreateStorage();

    [Fact]
    public async Task A_turn_that_sets_nothing_reads_once_and_writes_nothing()
    {
        var store = new CountingStorage(CreateStorage());
        var state = new ChangeTrackedConversationState(store);
        var consult = state.CreateProperty<StoredConsult>(ConsultProperty);
        using var turn = Turn();

        await state.LoadAsync(turn);
        await state.LoadAsync(turn);
        Assert.Null(await consult.GetAsync(turn));
        await state.SaveChangesAsync(turn);

        Assert.Equal((1, 0, 0), store.Calls);
    }

    [Fact]
    public async Task A_set_value_is_written_once_and_comes_back_typed_next_turn()
    {
        var store = new CountingStorage(CreateStorage());
        var state = new ChangeTrackedConversationState(store);
        var consult = state.CreateProperty<StoredConsult>(ConsultProperty);

        using (var turn = Turn())
        {
            await consult.SetAsync(turn, Consult);
            await state.SaveChangesAsync(turn);
            await state.SaveChangesAsync(turn);
        }

        using var next = Turn();
        var read = await consult.GetAsync(next);
        await state.SaveChangesAsync(next);

        AssertSameConsult(Consult, read);
        Assert.Equal((2, 1, 0), store.Calls);
    }

    [Fact]
    public async Task Two_properties_are_kept_side_by_side_and_deleting_one_is_written()
    {
        var store = new CountingStorage(CreateStorage());
        var state = new ChangeTrackedConversationState(store);
        var consult = state.CreateProperty<StoredConsult>(ConsultProperty);
        var welcomed = state.CreateProperty<bool>("welcomed");
        using (var turn = Turn())
        {
            await consult.SetAsync(turn, Consult);
            await welcomed.SetAsync(turn, true);
            await state.SaveChangesAsync(turn);
        }

        using (var turn = Turn())
        {
            AssertSameConsult(Consult, await consult.GetAsync(turn));
            await consult.DeleteAsync(turn);
            await state.SaveChangesAsync(turn);
        }

        using var last = Turn();
        Assert.Null(await consult.GetAsync(last));
        Assert.True(await welcomed.GetAsync(last));
        Assert.Equal(2, store.Writes);
    }

    [Fact]
    public async Task Deleting_a_property_that_is_not_there_writes_nothing()
    {
        var store = new CountingStorage(CreateStorage());
        var state = new ChangeTrackedConversationState(store);
        using var turn = Turn();

        await state.CreateProperty<StoredConsult>(ConsultProperty).DeleteAsync(turn);
        await state.SaveChangesAsync(turn);

        Assert.Equal(0, store.Writes);
    }

    [Fact]
    public async Task A_default_from_the_factory_is_set_and_stored()
    {
        var store = new CountingStorage(CreateStorage());
        var state = new ChangeTrackedConversationState(store);
        var welcomed = state.CreateProperty<bool>("welcomed");
        var consult = state.CreateProperty<StoredConsult>(ConsultProperty);
        using (var turn = Turn())
        {
            Assert.False(await welcomed.GetAsync(turn, () => false));
            Assert.Same(Consult, await consult.GetAsync(turn, () => Consult));
            await state.SaveChangesAsync(turn);
        }

        using var next = Turn();
        Assert.Equal(1, store.Writes);
        AssertSameConsult(Consult, await consult.GetAsync(next));
        Assert.False(await welcomed.GetAsync(next, () => true));
    }

    [Fact]
    public async Task Without_a_default_a_missing_value_is_the_types_default_and_nothing_is_set()
    {
        var store = new CountingStorage(CreateStorage());
        var state = new ChangeTrackedConversationState(store);
        using var turn = Turn();

        Assert.Equal(0, await state.CreateProperty<int>("turns").GetAsync(turn));
        Assert.Null(await state.CreateProperty<bool?>("welcomed").GetAsync(turn));
        await state.SaveChangesAsync(turn);

        Assert.Equal(0, store.Writes);
    }

    [Fact]
    public async Task Force_writes_unchanged_state_and_force_reads_again_dropping_unsaved_changes()
    {
        var store = new CountingStorage(CreateStorage());
        var state = new ChangeTrackedConversationState(store);
        var turns = state.CreateProperty<int>("turns");
        using (var turn = Turn())
        {
            await turns.SetAsync(turn, 1);
            await state.SaveChangesAsync(turn);
        }

        using var again = Turn();
        await state.LoadAsync(again);
        await state.SaveChangesAsync(again, force: true);
        await turns.SetAsync(again, 5);
        await state.LoadAsync(again, force: true);
        var afterForcedRead = await turns.GetAsync(again);
        await state.SaveChangesAsync(again);

        Assert.Equal(1, afterForcedRead);
        Assert.Equal((3, 2, 0), store.Calls);
    }

    [Fact]
    public async Task A_forced_save_before_anything_was_loaded_writes_nothing_as_in_BotState()
    {
        var store = new CountingStorage(CreateStorage());
        using var turn = Turn();

        await new ChangeTrackedConversationState(store).SaveChangesAsync(turn, force: true);

        Assert.Equal((0, 0, 0), store.Calls);
    }

    [Fact]
    public async Task DeleteAsync_removes_the_stored_conversation_and_the_turns_cache()
    {
        var storage = CreateStorage();
        var state = new ChangeTrackedConversationState(storage);
        var consult = state.CreateProperty<StoredConsult>(ConsultProperty);
        using (var turn = Turn())
        {
            await consult.SetAsync(turn, Consult);
            await state.SaveChangesAsync(turn);
        }

        using var next = Turn();
        AssertSameConsult(Consult, await consult.GetAsync(next));
        await state.DeleteAsync(next);

        Assert.Empty(await storage.ReadAsync([StorageKey(_conversationId)]));
        Assert.Null(await consult.GetAsync(next));
    }

    [Fact]
    public async Task ClearStateAsync_empties_the_conversation_on_the_next_save()
    {
        var storage = CreateStorage();
        var state = new ChangeTrackedConversationState(storage);
        using (var turn = Turn())
        {
            await state.CreateProperty<StoredConsult>(ConsultProperty).SetAsync(turn, Consult);
            await state.SaveChangesAsync(turn);
        }

        using var next = Turn();
        await state.ClearStateAsync(next);
        await state.SaveChangesAsync(next);

        var stored = Assert.IsAssignableFrom<IDictionary<string, object>>((await storage.ReadAsync([StorageKey(_conversationId)]))[StorageKey(_conversationId)]);
        Assert.Empty(stored);
    }

    [Fact]
    public async Task A_failed_write_keeps_the_change_so_the_next_save_writes_it()
    {
        var store = new CountingStorage(CreateStorage()) { FailNextWrite = true };
        var state = new ChangeTrackedConversationState(store);
        using var turn = Turn();
        await state.CreateProperty<int>("turns").SetAsync(turn, 1);

        await Assert.ThrowsAsync<StateStoreUnavailableException>(() => state.SaveChangesAsync(turn));
        await state.SaveChangesAsync(turn);

        Assert.Equal(2, store.Writes);
        Assert.Single(await store.ReadAsync([StorageKey(_conversationId)]));
    }

    [Fact]
    public async Task A_store_that_is_down_fails_the_load_with_its_own_exception()
    {
        var store = new CountingStorage(CreateStorage()) { Down = true };
        var state = new ChangeTrackedConversationState(store);
        using var turn = Turn();

        await Assert.ThrowsAsync<StateStoreUnavailableException>(() => state.LoadAsync(turn));
        await Assert.ThrowsAsync<StateStoreUnavailableException>(() => state.CreateProperty<int>("turns").GetAsync(turn));
    }

    [Theory]
    [InlineData(null, "conversation-1")]
    [InlineData("msteams", null)]
    public async Task An_activity_without_channel_or_conversation_id_is_refused_as_ConversationState_refuses_it(string? channelId, string? conversationId)
    {
        var storage = CreateStorage();
        var activity = new Activity(ActivityTypes.Message)
        {
            ChannelId = channelId,
            Conversation = conversationId is null ? null : new ConversationAccount(id: conversationId),
        };
        using var turn = new TurnContext(new TestAdapter(), activity);

        var theirs = await Assert.ThrowsAsync<InvalidOperationException>(() => new ConversationState(storage).LoadAsync(turn));
        var ours = await Assert.ThrowsAsync<InvalidOperationException>(() => new ChangeTrackedConversationState(storage).LoadAsync(turn));
        var oursOnSet = await Assert.ThrowsAsync<InvalidOperationException>(() => new ChangeTrackedConversationState(storage).CreateProperty<int>("turns").SetAsync(turn, 1));

        Assert.Equal(theirs.Message, ours.Message);
        Assert.Equal(theirs.Message, oursOnSet.Message);
    }

    [Fact]
    public async Task State_written_by_Bot_Frameworks_ConversationState_is_read_and_continued()
    {
        var storage = CreateStorage();
        var older = new ConversationState(storage);
        using (var turn = Turn())
        {
            await older.CreateProperty<StoredConsult>(ConsultProperty).SetAsync(turn, Consult);
            await older.CreateProperty<bool>("welcomed").SetAsync(turn, true);
            await older.SaveChangesAsync(turn);
        }

        var state = new ChangeTrackedConversationState(storage);
        using (var turn = Turn())
        {
            var consult = state.CreateProperty<StoredConsult>(ConsultProperty);
            AssertSameConsult(Consult, await consult.GetAsync(turn));
            Assert.True(await state.CreateProperty<bool>("welcomed").GetAsync(turn));
            await consult.SetAsync(turn, Consult with { Version = 3 });
            await state.SaveChangesAsync(turn);
        }

        using var back = Turn();
        AssertSameConsult(Consult with { Version = 3 }, await older.CreateProperty<StoredConsult>(ConsultProperty).GetAsync(back));
        Assert.True(await older.CreateProperty<bool>("welcomed").GetAsync(back));
    }

    [Fact]
    public async Task Untyped_JSON_in_the_store_is_converted_as_BotState_converts_it()
    {
        // A store without type names hands back JObjects and longs; BotState converts them with ToObject<T>.
        var storage = CreateStorage();
        var key = StorageKey(_conversationId);
        var answers = new ConsultAnswers("consult-1", new List<Answer> { new("cancer", true) }, DateTimeOffset.UnixEpoch);
        await storage.WriteAsync(new Dictionary<string, object>
        {
            [key] = new Dictionary<string, object>
            {
                ["answers"] = JObject.FromObject(answers),
                [ConsultProperty] = JObject.FromObject(Consult),
                ["turns"] = 7,
                ["welcomed"] = new JValue(true),
            },
        });

        using var turn = Turn();
        var ours = new ChangeTrackedConversationState(storage);
        var theirs = new ConversationState(storage);
        Assert.Equal(
            (await theirs.CreateProperty<ConsultAnswers>("answers").GetAsync(turn)).Given.Select(answer => answer.Question),
            (await ours.CreateProperty<ConsultAnswers>("answers").GetAsync(turn)).Given.Select(answer => answer.Question));
        AssertSameConsult(Consult, await ours.CreateProperty<StoredConsult>(ConsultProperty).GetAsync(turn));
        Assert.Equal(7, await ours.CreateProperty<int>("turns").GetAsync(turn));
        Assert.True(await ours.CreateProperty<bool>("welcomed").GetAsync(turn));

        // Reading one conversation's consult leaves the answers every new consult starts from empty.
        Assert.Equal(new ImagingBot.Guidance.ClinicalAnswers(), ImagingBot.Guidance.ClinicalAnswers.Empty);
    }

    [Fact]
    public async Task A_whole_conversation_stored_as_untyped_JSON_is_read_as_BotState_reads_it()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(new Dictionary<string, object> { [StorageKey(_conversationId)] = new JObject { ["turns"] = 4 } });

        using var turn = Turn();

        Assert.Equal(4, await new ChangeTrackedConversationState(storage).CreateProperty<int>("turns").GetAsync(turn));
        Assert.Equal(4, await new ConversationState(storage).CreateProperty<int>("turns").GetAsync(turn));
    }

    protected static string StorageKey(string conversationId) => "msteams/conversations/" + conversationId;

    protected TurnContext Turn() => Turn(_conversationId);

    protected static TurnContext Turn(string conversationId) =>
        new(new TestAdapter(), new Activity(ActivityTypes.Message)
        {
            ChannelId = "msteams",
            Conversation = new ConversationAccount(id: conversationId),
            From = new ChannelAccount("user-1"),
            Recipient = new ChannelAccount("bot-1"),
            Text = "hi",
        });

    /// <summary>The real store, counting the calls that reach it; it can also fail like a store that is down.</summary>
    protected sealed class CountingStorage(IStorage inner) : IStorage
    {
        public int Reads { get; private set; }

        public int Writes { get; private set; }

        public int Deletes { get; private set; }

        public (int Reads, int Writes, int Deletes) Calls => (Reads, Writes, Deletes);

        public bool FailNextWrite { get; set; }

        public bool Down { get; set; }

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
        {
            Reads++;
            return Down ? Task.FromException<IDictionary<string, object>>(new StateStoreUnavailableException()) : inner.ReadAsync(keys, cancellationToken);
        }

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            Writes++;
            if (Down || FailNextWrite)
            {
                FailNextWrite = false;
                return Task.FromException(new StateStoreUnavailableException());
            }

            return inner.WriteAsync(changes, cancellationToken);
        }

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
        {
            Deletes++;
            return inner.DeleteAsync(keys, cancellationToken);
        }
    }
}

public sealed class ChangeTrackedConversationStateOnMemoryTests : ChangeTrackedConversationStateTests
{
    protected override IStorage CreateStorage() => new ConcurrentMemoryStorage(TimeSpan.FromHours(24));

    [Fact]
    public async Task The_stored_JSON_is_exactly_what_ConversationState_stores()
    {
        var theirStore = new ConcurrentMemoryStorage(TimeSpan.FromHours(24));
        var ourStore = new ConcurrentMemoryStorage(TimeSpan.FromHours(24));
        var consult = Consult with { Version = 4, Misses = 1 };

        await WriteTurn(new ConversationState(theirStore), (state, turn) => state.CreateProperty<bool>("welcomed").SetAsync(turn, true), (state, turn) => state.CreateProperty<StoredConsult>(ConsultProperty).SetAsync(turn, consult), (state, turn) => state.SaveChangesAsync(turn));
        await WriteTurn(new ChangeTrackedConversationState(ourStore), (state, turn) => state.CreateProperty<bool>("welcomed").SetAsync(turn, true), (state, turn) => state.CreateProperty<StoredConsult>(ConsultProperty).SetAsync(turn, consult), (state, turn) => state.SaveChangesAsync(turn));

        var theirs = Assert.Single(theirStore.StoredJson());
        var ours = Assert.Single(ourStore.StoredJson());
        Assert.Equal(theirs.Key, ours.Key);
        Assert.Equal(theirs.Value, ours.Value);
        Assert.Contains("\"consultation\":{\"$type\":\"ImagingBot.Consult.ConsultState, ImagingBot.Consult\"", ours.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_written_by_this_class_is_read_by_Bot_Frameworks_ConversationState()
    {
        var storage = CreateStorage();
        var consult = new StoredConsult { ConsultId = "Zz998877", Pending = "sepsis", Answers = ImagingBot.Guidance.ClinicalAnswers.Empty with { CaudaEquinaSigns = false } };
        using (var turn = Turn("conversation-back"))
        {
            var ours = new ChangeTrackedConversationState(storage);
            await ours.CreateProperty<StoredConsult>(ConsultProperty).SetAsync(turn, consult);
            await ours.SaveChangesAsync(turn);
        }

        using var next = Turn("conversation-back");
        AssertSameConsult(consult, await new ConversationState(storage).CreateProperty<StoredConsult>(ConsultProperty).GetAsync(next));
    }

    private static async Task WriteTurn<TState>(TState state, params Func<TState, ITurnContext, Task>[] steps)
    {
        using var turn = Turn("same-conversation");
        foreach (var step in steps)
        {
            await step(state, turn);
        }
    }
}

[Collection(SharedRedisDefinition.Name)]
public sealed class ChangeTrackedConversationStateOnRedisTests(SharedRedis redis) : ChangeTrackedConversationStateTests, IAsyncLifetime
{
    private readonly string _keyPrefix = SharedRedis.NewKeyPrefix();
    private readonly List<RedisConnection> _connections = [];

    protected override IStorage CreateStorage()
    {
        var connection = new RedisConnection(redis.Endpoint);
        _connections.Add(connection);
        return new RedisStorage(connection, _keyPrefix, TimeSpan.FromHours(24));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }
}
