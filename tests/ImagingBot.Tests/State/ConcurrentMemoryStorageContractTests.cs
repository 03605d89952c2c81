using ImagingBot.Dialogs;
using ImagingBot.State;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json;

namespace ImagingBot.Tests.State;

/// <summary>The app's Memory store keeps MemoryStorage's contract, and its values expire like Redis's.</summary>
public sealed class ConcurrentMemoryStorageContractTests : StorageContractTests
{
    private static readonly TimeSpan TimeToLive = TimeSpan.FromHours(24);

    protected override IStorage CreateStorage() => new ConcurrentMemoryStorage(TimeToLive);

    [Fact]
    public async Task Many_keys_written_read_and_deleted_together()
    {
        var storage = CreateStorage();
        var keys = Enumerable.Range(0, 20).Select(n => $"conversation-{n}").ToArray();

        await storage.WriteAsync(keys.ToDictionary(key => key, object (key) => new Dictionary<string, object> { ["key"] = key }), CancellationToken.None);
        var read = await storage.ReadAsync([.. keys, "never-written"], CancellationToken.None);
        await storage.DeleteAsync(keys[..10], CancellationToken.None);
        var afterDelete = await storage.ReadAsync(keys, CancellationToken.None);

        Assert.Equal(keys.Order(StringComparer.Ordinal), read.Keys.Order(StringComparer.Ordinal));
        Assert.All(keys, key => Assert.Equal(key, ((IDictionary<string, object>)read[key])["key"]));
        Assert.Equal(keys[10..].Order(StringComparer.Ordinal), afterDelete.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_value_expires_its_time_to_live_after_the_last_write_and_reads_do_not_extend_it()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        var storage = new ConcurrentMemoryStorage(TimeSpan.FromMinutes(30), clock);
        await storage.WriteAsync(new Dictionary<string, object> { ["conversation"] = new Dictionary<string, object> { ["turn"] = 1 } }, CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Single(await storage.ReadAsync(["conversation"], CancellationToken.None));
        await storage.WriteAsync(new Dictionary<string, object> { ["conversation"] = new Dictionary<string, object> { ["turn"] = 2 } }, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(29));
        var beforeExpiry = await storage.ReadAsync(["conversation"], CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(2));
        var afterExpiry = await storage.ReadAsync(["conversation"], CancellationToken.None);

        Assert.Equal(2L, ((IDictionary<string, object>)beforeExpiry["conversation"])["turn"]);
        Assert.Empty(afterExpiry);
    }

    [Fact]
    public async Task Expired_values_leave_the_process()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        var storage = new ConcurrentMemoryStorage(TimeSpan.FromMinutes(30), clock);
        await storage.WriteAsync(Enumerable.Range(0, 100).ToDictionary(n => $"old-{n}", object (n) => n), CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(31));
        await storage.WriteAsync(new Dictionary<string, object> { ["new"] = 1 }, CancellationToken.None);

        Assert.Equal(1, storage.Count);
        Assert.Equal(["new"], storage.StoredJson().Select(entry => entry.Key));
    }

    [Fact]
    public async Task Conversation_state_is_stored_as_the_same_JSON_MemoryStorage_writes()
    {
        // Type names as MemoryStorage's serializer writes them (TypeNameHandling.All, short assembly names), so the
        // two stores and any state written by RedisStorage before stay readable by each other.
        var state = new Dictionary<string, object>
        {
            ["welcomed"] = true,
            ["consult"] = new WaterfallState<ImagingBot.Dialogs.Consult.ConsultAnswers>
            {
                ConsultId = "AbCd2345",
                Version = 2,
                Pending = "immunosuppression",
                Answers = new() { SuspectedCancer = true, SuspectedInfection = false },
            },
        };
        var storage = new ConcurrentMemoryStorage(TimeToLive);

        await storage.WriteAsync(new Dictionary<string, object> { ["conversation"] = state }, CancellationToken.None);

        var memoryStorageJson = JsonConvert.SerializeObject(state, new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All });
        Assert.Equal(memoryStorageJson, Assert.Single(storage.StoredJson()).Value);
        Assert.Contains("\"$type\":\"ImagingBot.Dialogs.WaterfallState`1[[ImagingBot.Dialogs.Consult.ConsultAnswers, ImagingBot]], ImagingBot\"", memoryStorageJson, StringComparison.Ordinal);
    }
}
