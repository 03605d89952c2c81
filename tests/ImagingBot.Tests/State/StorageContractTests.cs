using ImagingBot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Tests.State;

/// <summary>
/// Bot Framework storage semantics, run against Bot Framework's own MemoryStorage and our RedisStorage alike:
/// whatever MemoryStorage does here is the contract RedisStorage must keep.
/// </summary>
public abstract class StorageContractTests
{
    protected abstract IStorage CreateStorage();

    [Fact]
    public async Task Reading_a_key_never_written_returns_no_entry()
    {
        var storage = CreateStorage();

        var items = await storage.ReadAsync(["never-written"], CancellationToken.None);

        Assert.Empty(items);
    }

    [Fact]
    public async Task Conversation_state_shaped_values_come_back_typed()
    {
        var storage = CreateStorage();
        var state = new Dictionary<string, object>
        {
            ["answers"] = new ConsultAnswers("consult-1", new List<Answer> { new("cancer", true), new("fever", false) }, new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero)),
            ["turns"] = 3,
            ["note"] = "text with \"quotes\" and ünïcode",
        };

        await storage.WriteAsync(new Dictionary<string, object> { ["conversation"] = state }, CancellationToken.None);
        var read = await storage.ReadAsync(["conversation"], CancellationToken.None);

        var readState = Assert.IsAssignableFrom<IDictionary<string, object>>(read["conversation"]);
        var answers = Assert.IsType<ConsultAnswers>(readState["answers"]);
        Assert.Equal("consult-1", answers.ConsultId);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero), answers.StartedAt);
        Assert.Equal(["cancer", "fever"], answers.Given.Select(answer => answer.Question));
        Assert.Equal(3L, Convert.ToInt64(readState["turns"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(state["note"], readState["note"]);
    }

    [Fact]
    public async Task A_store_item_gets_a_new_ETag_on_every_write()
    {
        var storage = CreateStorage();

        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new CountedItem { Count = 1 } }, CancellationToken.None);
        var first = await ReadItem(storage, "item");
        first.Count = 2;
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = first }, CancellationToken.None);
        var second = await ReadItem(storage, "item");

        Assert.False(string.IsNullOrEmpty(first.ETag));
        Assert.False(string.IsNullOrEmpty(second.ETag));
        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal(2, second.Count);
    }

    [Fact]
    public async Task A_store_item_comes_back_as_its_own_type_with_the_ETag_its_write_gave_it()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new CountedItem { Count = 1 } }, CancellationToken.None);
        var first = Assert.IsType<CountedItem>((await storage.ReadAsync(["item"], CancellationToken.None))["item"]);

        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new CountedItem { Count = 2, ETag = first.ETag } }, CancellationToken.None);
        var second = Assert.IsType<CountedItem>((await storage.ReadAsync(["item"], CancellationToken.None))["item"]);

        Assert.False(string.IsNullOrEmpty(second.ETag));
        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal(2, second.Count);
        // The ETag read back is the stored one: a write holding it succeeds.
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new CountedItem { Count = 3, ETag = second.ETag } }, CancellationToken.None);
    }

    [Fact]
    public async Task A_write_with_a_stale_ETag_fails_and_keeps_the_stored_item()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new CountedItem { Count = 1 } }, CancellationToken.None);
        var mine = await ReadItem(storage, "item");
        var theirs = await ReadItem(storage, "item");
        theirs.Count = 10;
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = theirs }, CancellationToken.None);

        mine.Count = 20;
        var conflict = await Assert.ThrowsAnyAsync<ArgumentException>(
            () => storage.WriteAsync(new Dictionary<string, object> { ["item"] = mine }, CancellationToken.None));

        Assert.StartsWith("Etag conflict", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(10, (await ReadItem(storage, "item")).Count);
    }

    [Fact]
    public async Task Of_several_writers_holding_the_same_ETag_exactly_one_wins()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new CountedItem { Count = 0 } }, CancellationToken.None);
        var etag = (await ReadItem(storage, "item")).ETag;

        var writers = Enumerable.Range(1, 8).Select(count => Task.Run(async () =>
        {
            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new CountedItem { Count = count, ETag = etag } }, CancellationToken.None);
                return count;
            }
            catch (ArgumentException)
            {
                return 0;
            }
        }));
        var winners = (await Task.WhenAll(writers)).Where(count => count != 0).ToList();

        var winner = Assert.Single(winners);
        Assert.Equal(winner, (await ReadItem(storage, "item")).Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task A_store_item_without_an_ETag_does_not_overwrite_a_stored_one(string? etag)
    {
        // MemoryStorage treats a missing ETag as "I expect nothing stored yet": two first writes cannot both win.
        var storage = CreateStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new CountedItem { Count = 1 } }, CancellationToken.None);

        await Assert.ThrowsAnyAsync<ArgumentException>(
            () => storage.WriteAsync(new Dictionary<string, object> { ["item"] = new CountedItem { Count = 2, ETag = etag } }, CancellationToken.None));

        Assert.Equal(1, (await ReadItem(storage, "item")).Count);
    }

    [Fact]
    public async Task The_wildcard_ETag_overwrites()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new CountedItem { Count = 1 } }, CancellationToken.None);

        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new CountedItem { Count = 2, ETag = "*" } }, CancellationToken.None);

        var stored = await ReadItem(storage, "item");
        Assert.Equal(2, stored.Count);
        Assert.NotEqual("*", stored.ETag);
    }

    [Fact]
    public async Task Values_without_ETag_support_overwrite()
    {
        // The conversation state writes a plain dictionary: the last write wins (concurrency is handled above the store).
        var storage = CreateStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["plain"] = new Dictionary<string, object> { ["ETag"] = "a", ["value"] = 1 } }, CancellationToken.None);

        await storage.WriteAsync(new Dictionary<string, object> { ["plain"] = new Dictionary<string, object> { ["ETag"] = "b", ["value"] = 2 } }, CancellationToken.None);

        var stored = Assert.IsAssignableFrom<IDictionary<string, object>>((await storage.ReadAsync(["plain"], CancellationToken.None))["plain"]);
        Assert.Equal(2L, Convert.ToInt64(stored["value"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Deleted_keys_are_gone_and_deleting_a_missing_key_is_fine()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["a"] = new CountedItem { Count = 1 }, ["b"] = new CountedItem { Count = 2 } }, CancellationToken.None);

        await storage.DeleteAsync(["a", "never-written"], CancellationToken.None);

        var items = await storage.ReadAsync(["a", "b"], CancellationToken.None);
        Assert.Equal(["b"], items.Keys);
    }

    [Fact]
    public async Task Several_keys_are_written_and_read_in_one_call()
    {
        var storage = CreateStorage();
        var changes = Enumerable.Range(1, 5).ToDictionary(i => $"key-{i}", i => (object)new CountedItem { Count = i });

        await storage.WriteAsync(changes, CancellationToken.None);
        var items = await storage.ReadAsync([.. changes.Keys, "missing"], CancellationToken.None);

        Assert.Equal(changes.Keys.Order(), items.Keys.Order());
        Assert.All(changes.Keys, key => Assert.Equal(((CountedItem)changes[key]).Count, JObject.FromObject(items[key]).Value<int>("Count")));
    }

    [Fact]
    public async Task A_typed_record_in_conversation_state_survives_between_turns()
    {
        var conversationState = new ChangeTrackedConversationState(CreateStorage());

        await new TestFlow(new TestAdapter(), ConsultRecording(conversationState))
            .Send("cancer").AssertReply("asked: ")
            .Send("fever").AssertReply("asked: cancer")
            .Send("steroids").AssertReply("asked: cancer,fever")
            .StartTestAsync();
    }

    /// <summary>A bot turn that says which questions were answered so far, then records the new answer.</summary>
    internal static BotCallbackHandler ConsultRecording(ChangeTrackedConversationState conversationState)
    {
        var answers = conversationState.CreateProperty<ConsultAnswers>("answers");
        return async (turn, cancellationToken) =>
        {
            var current = await answers.GetAsync(turn, () => new ConsultAnswers("consult-1", new List<Answer>(), DateTimeOffset.UnixEpoch), cancellationToken);
            await turn.SendActivityAsync("asked: " + string.Join(",", current.Given.Select(answer => answer.Question)), cancellationToken: cancellationToken);
            await answers.SetAsync(turn, current with { Given = current.Given.Append(new Answer(turn.Activity.Text, true)).ToList() }, cancellationToken);
            await conversationState.SaveChangesAsync(turn, false, cancellationToken);
        };
    }

    protected static async Task<CountedItem> ReadItem(IStorage storage, string key)
    {
        var items = await storage.ReadAsync([key], CancellationToken.None);
        return items[key] switch
        {
            CountedItem item => item,
            JObject json => json.ToObject<CountedItem>()!,
            var other => throw new InvalidOperationException($"Unexpected stored type {other.GetType()}"),
        };
    }
}

public sealed record Answer(string Question, bool Yes);

// State records hold concrete collections: Newtonsoft cannot re-create the compiler's hidden types behind a
// collection expression assigned to IReadOnlyList<T>.
public sealed record ConsultAnswers(string ConsultId, IReadOnlyList<Answer> Given, DateTimeOffset StartedAt);

public sealed class CountedItem : IStoreItem
{
    public string? ETag { get; set; }

    public int Count { get; set; }
}

public sealed class MemoryStorageContractTests : StorageContractTests
{
    protected override IStorage CreateStorage() => new MemoryStorage();
}
