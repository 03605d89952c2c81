using System.Text;
using ImagingBot.State;
using Microsoft.Bot.Builder;
using StackExchange.Redis;

namespace ImagingBot.LoadTest.Measurements;

/// <summary>The serialized conversation state as the store holds it, key by key.</summary>
internal sealed record StateSize(string Store, int Keys, long MaxBytes, double MeanBytes, string? LargestKey)
{
    private const string ConversationKeyPart = "/conversations/";

    public static StateSize From(string store, IEnumerable<(string Key, long Bytes)> entries)
    {
        var list = entries.Where(entry => entry.Key.Contains(ConversationKeyPart, StringComparison.Ordinal)).ToList();
        var largest = list.Count > 0 ? list.MaxBy(entry => entry.Bytes) : default;
        return new StateSize(store, list.Count, largest.Bytes, list.Count > 0 ? list.Average(entry => entry.Bytes) : 0, largest.Key);
    }

    /// <summary>The app's Memory store keeps each item's JSON as a durable store would hold it.</summary>
    public static StateSize FromMemoryStorage(IStorage storage) => storage is ConcurrentMemoryStorage memory
        ? From("memory", memory.StoredJson().Select(item => (item.Key, (long)Encoding.UTF8.GetByteCount(item.Value))))
        : throw new InvalidOperationException($"Expected the app's Memory store, found {storage.GetType().Name}.");

    /// <summary>Every key of the prefix in Redis, raw: string values by length, hashes by their fields and values.</summary>
    public static async Task<StateSize> FromRedisAsync(string endpoint, string keyPrefix)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(endpoint).ConfigureAwait(false);
        var database = connection.GetDatabase();
        var server = connection.GetServers()[0];
        var entries = new List<(string, long)>();
        await foreach (var key in server.KeysAsync(pattern: keyPrefix + "*", pageSize: 1000).ConfigureAwait(false))
        {
            var type = await database.KeyTypeAsync(key).ConfigureAwait(false);
            long bytes = type switch
            {
                RedisType.String => ((byte[]?)await database.StringGetAsync(key).ConfigureAwait(false))?.LongLength ?? 0,
                RedisType.Hash => (await database.HashGetAllAsync(key).ConfigureAwait(false))
                    .Sum(entry => (long)(((byte[]?)entry.Name)?.Length ?? 0) + (((byte[]?)entry.Value)?.Length ?? 0)),
                _ => 0,
            };
            entries.Add((key.ToString(), bytes));
        }

        return From("redis", entries);
    }
}
