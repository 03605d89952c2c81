using System.Reflection;
using System.Text;
using ImagingBot.State;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
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

    /// <summary>
    /// MemoryStorage keeps each item as a JObject in a private dictionary; its compact JSON is what a durable store
    /// would hold. Read by reflection: the bench must not change the app's wiring to see it.
    /// </summary>
    public static StateSize FromMemoryStorage(IStorage storage)
    {
        IReadOnlyList<MemoryStorage> stores = storage switch
        {
            PartitionedMemoryStorage partitioned => partitioned.Partitions,
            MemoryStorage memory => [memory],
            _ => throw new InvalidOperationException($"Expected MemoryStorage, found {storage.GetType().Name}."),
        };

        var field = typeof(MemoryStorage).GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
            .Single(f => f.FieldType == typeof(Dictionary<string, JObject>));
        List<(string, long)> entries = [];
        foreach (var memory in stores)
        {
            var items = (Dictionary<string, JObject>)field.GetValue(memory)!;
            lock (items)
            {
                entries.AddRange(items.Select(item => (item.Key, (long)Encoding.UTF8.GetByteCount(item.Value.ToString(Formatting.None)))));
            }
        }

        return From("memory", entries);
    }

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
