using ImagingBot.State;
using Microsoft.Bot.Builder;
using StackExchange.Redis;

namespace ImagingBot.Tests.State;

/// <summary>The storage contract on a real redis-server, plus what only the shared store has: prefix and expiry.</summary>
[Collection(SharedRedisDefinition.Name)]
public sealed class RedisStorageContractTests(SharedRedis redis) : StorageContractTests, IAsyncLifetime
{
    private static readonly TimeSpan TimeToLive = TimeSpan.FromHours(24);

    private readonly string _keyPrefix = SharedRedis.NewKeyPrefix();
    private readonly List<RedisConnection> _connections = [];

    protected override IStorage CreateStorage() => CreateStorage(_keyPrefix, TimeToLive);

    [Fact]
    public async Task Keys_live_under_the_prefix_and_deployments_with_another_prefix_do_not_see_them()
    {
        var ours = CreateStorage(_keyPrefix, TimeToLive);
        var theirs = CreateStorage(SharedRedis.NewKeyPrefix(), TimeToLive);

        await ours.WriteAsync(new Dictionary<string, object> { ["msteams/conversations/a"] = new CountedItem { Count = 1 } }, CancellationToken.None);

        Assert.Empty(await theirs.ReadAsync(["msteams/conversations/a"], CancellationToken.None));
        await using var raw = await ConnectionMultiplexer.ConnectAsync(redis.Endpoint);
        Assert.True(await raw.GetDatabase().KeyExistsAsync($"{_keyPrefix}:msteams/conversations/a"));
    }

    [Fact]
    public async Task A_stale_ETag_is_reported_as_an_ETagConflictException()
    {
        var storage = CreateStorage(_keyPrefix, TimeToLive);
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new CountedItem { Count = 1 } }, CancellationToken.None);

        await Assert.ThrowsAsync<ETagConflictException>(
            () => storage.WriteAsync(new Dictionary<string, object> { ["item"] = new CountedItem { Count = 2, ETag = "stale" } }, CancellationToken.None));
    }

    [Fact]
    public async Task Every_write_sets_the_time_to_live()
    {
        var storage = CreateStorage(_keyPrefix, TimeSpan.FromMinutes(30));
        await using var raw = await ConnectionMultiplexer.ConnectAsync(redis.Endpoint);
        var key = $"{_keyPrefix}:conversation";

        await storage.WriteAsync(new Dictionary<string, object> { ["conversation"] = new Dictionary<string, object> { ["turns"] = 1 } }, CancellationToken.None);
        await raw.GetDatabase().KeyExpireAsync(key, TimeSpan.FromMinutes(1));
        await storage.WriteAsync(new Dictionary<string, object> { ["conversation"] = new Dictionary<string, object> { ["turns"] = 2 } }, CancellationToken.None);

        var left = await raw.GetDatabase().KeyTimeToLiveAsync(key);
        Assert.NotNull(left);
        Assert.InRange(left.Value, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));
    }

    [Fact]
    public async Task Two_bot_instances_on_one_Redis_continue_the_same_conversation()
    {
        // Each instance has its own connection, storage and conversation state, as two app instances would.
        var instanceA = new ChangeTrackedConversationState(CreateStorage(_keyPrefix, TimeToLive));
        var instanceB = new ChangeTrackedConversationState(CreateStorage(_keyPrefix, TimeToLive));
        var conversation = new Microsoft.Bot.Schema.ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = "https://smba.example/",
            Conversation = new Microsoft.Bot.Schema.ConversationAccount(id: "conversation-" + Guid.NewGuid()),
            User = new Microsoft.Bot.Schema.ChannelAccount("user-1"),
            Bot = new Microsoft.Bot.Schema.ChannelAccount("bot-1"),
        };

        await new Microsoft.Bot.Builder.Adapters.TestFlow(new Microsoft.Bot.Builder.Adapters.TestAdapter(conversation), ConsultRecording(instanceA))
            .Send("cancer").AssertReply("asked: ")
            .StartTestAsync();
        await new Microsoft.Bot.Builder.Adapters.TestFlow(new Microsoft.Bot.Builder.Adapters.TestAdapter(conversation), ConsultRecording(instanceB))
            .Send("fever").AssertReply("asked: cancer")
            .StartTestAsync();
        await new Microsoft.Bot.Builder.Adapters.TestFlow(new Microsoft.Bot.Builder.Adapters.TestAdapter(conversation), ConsultRecording(instanceA))
            .Send("steroids").AssertReply("asked: cancer,fever")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_Redis_that_is_down_makes_the_store_report_itself_unavailable()
    {
        var connection = new RedisConnection($"127.0.0.1:{RedisServer.FreeLoopbackPort()}");
        _connections.Add(connection);
        var storage = new RedisStorage(connection, _keyPrefix, TimeToLive);

        var read = await Assert.ThrowsAsync<StateStoreUnavailableException>(() => storage.ReadAsync(["conversation"], CancellationToken.None));
        await Assert.ThrowsAsync<StateStoreUnavailableException>(() => storage.WriteAsync(new Dictionary<string, object> { ["conversation"] = new CountedItem() }, CancellationToken.None));

        Assert.True(read.InnerException is RedisConnectionException or RedisTimeoutException, read.InnerException?.GetType().FullName);
    }

    [Fact]
    public async Task A_forged_type_name_in_Redis_is_not_instantiated()
    {
        var storage = CreateStorage(_keyPrefix, TimeToLive);
        await using var raw = await ConnectionMultiplexer.ConnectAsync(redis.Endpoint);
        await raw.GetDatabase().HashSetAsync($"{_keyPrefix}:forged", "json", """{"$type":"System.IO.FileInfo, System.Private.CoreLib","fileName":"/tmp/x"}""");

        var refused = await Assert.ThrowsAnyAsync<Newtonsoft.Json.JsonSerializationException>(() => storage.ReadAsync(["forged"], CancellationToken.None));
        Assert.IsType<InvalidOperationException>(refused.InnerException);
        Assert.Contains("System.IO.FileInfo", refused.InnerException.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_in_MemoryStorages_format_already_in_Redis_is_read_back_typed()
    {
        // What earlier releases stored (TypeNameHandling.All) stays readable after an upgrade.
        var storage = CreateStorage(_keyPrefix, TimeToLive);
        await using var raw = await ConnectionMultiplexer.ConnectAsync(redis.Endpoint);
        await raw.GetDatabase().HashSetAsync($"{_keyPrefix}:conversation", "json", EarlierStateFormat.Write(EarlierStateFormat.ConversationMidConsult()));

        var read = await storage.ReadAsync(["conversation"], CancellationToken.None);

        EarlierStateFormat.AssertTypedConversationMidConsult(read["conversation"]);
    }

    [Fact]
    public async Task An_earlier_release_reads_back_typed_what_it_stores()
    {
        // A rollback: the earlier release's All-format reader takes a missing $type as the declared type.
        var storage = CreateStorage(_keyPrefix, TimeToLive);
        await using var raw = await ConnectionMultiplexer.ConnectAsync(redis.Endpoint);

        await storage.WriteAsync(new Dictionary<string, object> { ["conversation"] = EarlierStateFormat.ConversationMidConsult() }, CancellationToken.None);

        var stored = await raw.GetDatabase().HashGetAsync($"{_keyPrefix}:conversation", "json");
        EarlierStateFormat.AssertTypedConversationMidConsult(EarlierStateFormat.Read(stored.ToString()));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }

    private RedisStorage CreateStorage(string keyPrefix, TimeSpan timeToLive)
    {
        var connection = new RedisConnection(redis.Endpoint);
        _connections.Add(connection);
        return new RedisStorage(connection, keyPrefix, timeToLive);
    }
}
