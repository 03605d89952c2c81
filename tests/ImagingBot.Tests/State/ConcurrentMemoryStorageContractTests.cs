using ImagingBot.Consult;
using ImagingBot.Guidance;
using ImagingBot.State;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using static ImagingBot.Tests.State.EarlierStateFormat;

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
    public async Task Conversation_state_names_types_only_where_a_reader_needs_them()
    {
        // The dictionary (the root) and its values (declared object) keep their type names; the consult's own typed
        // properties (its answers, its findings) carry none, so every turn writes and reads less.
        var state = new Dictionary<string, object>
        {
            ["welcomed"] = true,
            ["consultation"] = ConsultAsTheConsultStoresIt(),
        };
        var storage = new ConcurrentMemoryStorage(TimeToLive);

        await storage.WriteAsync(new Dictionary<string, object> { ["conversation"] = state }, CancellationToken.None);

        var stored = JObject.Parse(Assert.Single(storage.StoredJson()).Value, new JsonLoadSettings());
        Assert.StartsWith("System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[System.Object, System.Private.CoreLib]]", (string?)stored["$type"], StringComparison.Ordinal);
        var consult = Assert.IsType<JObject>(stored["consultation"]);
        Assert.Equal("ImagingBot.Consult.ConsultState, ImagingBot.Consult", (string?)consult["$type"]);
        var named = consult.Descendants().OfType<JProperty>().Where(property => property.Name == "$type").Select(property => property.Parent!.Path).ToList();
        Assert.True(named.Count == 1, "type names inside the consult: " + consult.ToString(Newtonsoft.Json.Formatting.None));
        Assert.True(stored.ToString(Newtonsoft.Json.Formatting.None).Length < Write(state).Length, "the consult state should be smaller than in MemoryStorage's format");
    }

    [Fact]
    public async Task A_consult_waiting_for_its_case_confirmation_comes_back_as_the_consult_stored_it()
    {
        // The real consult's state (its findings are whatever list the consult made), not a hand-made one.
        var consult = ConsultAsTheConsultStoresIt();
        var storage = new ConcurrentMemoryStorage(TimeToLive);

        await storage.WriteAsync(new Dictionary<string, object> { ["conversation"] = new Dictionary<string, object> { ["consultation"] = consult } }, CancellationToken.None);
        var read = await storage.ReadAsync(["conversation"], CancellationToken.None);

        AssertSameConsult(consult, Assert.IsType<ConsultState>(Assert.IsAssignableFrom<IDictionary<string, object>>(read["conversation"])["consultation"]));
    }

    [Fact]
    public async Task State_in_MemoryStorages_format_is_read_back_typed()
    {
        // Nothing but this store writes into it, so the earlier format goes in as a value whose converter writes it verbatim.
        var earlier = EarlierStateFormat.Write(EarlierStateFormat.ConversationMidConsult());
        var storage = new ConcurrentMemoryStorage(TimeToLive);
        await storage.WriteAsync(new Dictionary<string, object> { ["conversation"] = new VerbatimJson(earlier) }, CancellationToken.None);
        Assert.Equal(earlier, Assert.Single(storage.StoredJson()).Value);

        var read = await storage.ReadAsync(["conversation"], CancellationToken.None);

        EarlierStateFormat.AssertTypedConversationMidConsult(read["conversation"]);
    }

    [Fact]
    public async Task An_earlier_release_reads_back_typed_what_it_stores()
    {
        var storage = new ConcurrentMemoryStorage(TimeToLive);

        await storage.WriteAsync(new Dictionary<string, object> { ["conversation"] = EarlierStateFormat.ConversationMidConsult() }, CancellationToken.None);

        EarlierStateFormat.AssertTypedConversationMidConsult(EarlierStateFormat.Read(Assert.Single(storage.StoredJson()).Value));
    }
}
