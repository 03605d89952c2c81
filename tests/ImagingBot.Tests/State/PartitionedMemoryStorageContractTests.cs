using ImagingBot.State;
using Microsoft.Bot.Builder;

namespace ImagingBot.Tests.State;

/// <summary>The app's Memory store keeps MemoryStorage's contract, keys spread over several partitions included.</summary>
public sealed class PartitionedMemoryStorageContractTests : StorageContractTests
{
    protected override IStorage CreateStorage() => new PartitionedMemoryStorage(partitions: 3);

    [Fact]
    public async Task Many_keys_written_read_and_deleted_together_span_the_partitions()
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
}
