using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace ImagingBot.State;

/// <summary>
/// Bot Framework's <see cref="ConversationState"/> with the same public shape, storage key and stored dictionary
/// (either reads what the other wrote, and the stored JSON is the same; in group chats and channels the key is
/// PrivateConversationState's, one per clinician: <see cref="ConversationScope"/>), but it knows a turn changed the state
/// from a flag its accessors set. BotState instead serialises the whole dictionary three more times per turn
/// only to compare (at load, before the write and after it): 40% of a consult turn's state cycle (docs/state.md).
/// The flag is exact because every value we store is immutable (records with init-only properties, a bool),
/// so it changes only through an accessor's SetAsync or DeleteAsync; ConversationStateTypesTests holds every
/// stored type to that. A value changed in place would not be saved.
/// </summary>
public sealed class ChangeTrackedConversationState : IConversationState
{
    // Not BotState's "ConversationState" key: the two caches never mix if both are used in one turn.
    private const string TurnStateKey = nameof(ChangeTrackedConversationState);

    private readonly IStorage _storage;

    public ChangeTrackedConversationState(IStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _storage = storage;
    }

    /// <summary>An accessor for one named value of the conversation, with BotState's accessor semantics.</summary>
    public IStatePropertyAccessor<T> CreateProperty<T>(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentNullException(nameof(name));
        }

        return new PropertyAccessor<T>(this, name);
    }

    /// <summary>Reads the conversation once per turn into the turn's cache; <paramref name="force"/> reads it again, dropping unsaved changes.</summary>
    public async Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (force || Loaded(turnContext) is null)
        {
            await ReadAsync(turnContext, StorageKey(turnContext), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the conversation when a value was set or deleted since it was read (or when <paramref name="force"/>d).</summary>
    public async Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var loaded = Loaded(turnContext);
        if (loaded is null || !(force || loaded.Changed))
        {
            return;
        }

        var key = StorageKey(turnContext);
        await _storage.WriteAsync(new Dictionary<string, object> { [key] = loaded.Values }, cancellationToken).ConfigureAwait(false);
        loaded.Changed = false;
    }

    /// <summary>Empties the turn's cache; the next save writes the empty conversation.</summary>
    public Task ClearStateAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState[TurnStateKey] = new LoadedConversation(new Dictionary<string, object>()) { Changed = true };
        return Task.CompletedTask;
    }

    /// <summary>Deletes the stored conversation and the turn's cache.</summary>
    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState.Remove(TurnStateKey);
        await _storage.DeleteAsync([StorageKey(turnContext)], cancellationToken).ConfigureAwait(false);
    }

    // The turn's cached conversation, read first if need be, with one TurnState lookup: TurnState compares keys
    // ignoring case with the invariant culture, which without invariant globalization costs half a microsecond a lookup.
    private async ValueTask<LoadedConversation> LoadedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return Loaded(turnContext) ?? await ReadAsync(turnContext, StorageKey(turnContext), cancellationToken).ConfigureAwait(false);
    }

    private async Task<LoadedConversation> ReadAsync(ITurnContext turnContext, string key, CancellationToken cancellationToken)
    {
        var items = await _storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        items.TryGetValue(key, out var stored);
        var loaded = new LoadedConversation(stored switch
        {
            IDictionary<string, object> values => values,
            // A store that keeps JSON without type names returns it untyped, as BotState accepts.
            JObject json => json.ToObject<IDictionary<string, object>>()!,
            null => new Dictionary<string, object>(),
            _ => throw new InvalidOperationException("Data is not in the correct format for BotState."),
        });
        turnContext.TurnState[TurnStateKey] = loaded;
        return loaded;
    }

    /// <summary>
    /// ConversationState's key, so conversations stored before keep their place. A turn's key is
    /// <see cref="ConversationScope.StorageKey"/>'s: this one in personal chats, the clinician's own in group chats and
    /// channels (the conversation lock is taken on the same key: <see cref="Turn.OneTurnPerConversationMiddleware"/>).
    /// </summary>
    internal static string StorageKey(string channelId, string conversationId) => channelId + "/conversations/" + conversationId;

    // ConversationState's exceptions for an activity without the key's parts.
    private static string StorageKey(ITurnContext turnContext) =>
        ConversationScope.StorageKey(turnContext.Activity) ?? throw new InvalidOperationException(
            string.IsNullOrEmpty(turnContext.Activity.ChannelId) ? "invalid activity-missing channelId" : "invalid activity-missing Conversation.Id");

    private static LoadedConversation? Loaded(ITurnContext turnContext) =>
        turnContext.TurnState.Get<LoadedConversation>(TurnStateKey);

    private sealed class LoadedConversation(IDictionary<string, object> values)
    {
        /// <summary>Property name to value: the dictionary BotState stores.</summary>
        public IDictionary<string, object> Values { get; } = values;

        public bool Changed { get; set; }
    }

    private sealed class PropertyAccessor<T>(ChangeTrackedConversationState state, string name) : IStatePropertyAccessor<T>
    {
        public string Name { get; } = name;

        /// <summary>
        /// The value; when there is none (or it is null) and a default factory is given, the default is created and
        /// set, which counts as a change (as in BotState, so a default is stored).
        /// </summary>
        public async Task<T> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default)
        {
            var loaded = await state.LoadedAsync(turnContext, cancellationToken).ConfigureAwait(false);
            var value = loaded.Values.TryGetValue(Name, out var stored) ? Typed(stored) : default;
            if (value is null && defaultValueFactory is not null)
            {
                value = defaultValueFactory();
                Set(loaded, value);
            }

            return value!;
        }

        public async Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default)
        {
            var loaded = await state.LoadedAsync(turnContext, cancellationToken).ConfigureAwait(false);
            Set(loaded, value);
        }

        public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            var loaded = await state.LoadedAsync(turnContext, cancellationToken).ConfigureAwait(false);
            // Deleting what is not there changes nothing (BotState's comparison would not write either).
            loaded.Changed |= loaded.Values.Remove(Name);
        }

        // As BotState: a value of the type as is; untyped JSON (a store without type names, or a number read back
        // as long for an int) converted the way Newtonsoft would.
        private static T? Typed(object? stored) => stored switch
        {
            T typed => typed,
            null => default,
            JToken json => json.ToObject<T>(Converter),
            _ => JToken.FromObject(stored).ToObject<T>(Converter),
        };

        // Replace, not Newtonsoft's default Auto, which fills a property's existing value in place: a record's default
        // is often a shared instance (ConsultState.Answers = ClinicalAnswers.Empty), which would take this
        // conversation's answers for every consult in the process (as in StoredState).
        private static readonly Newtonsoft.Json.JsonSerializer Converter = Newtonsoft.Json.JsonSerializer.Create(
            new Newtonsoft.Json.JsonSerializerSettings { ObjectCreationHandling = Newtonsoft.Json.ObjectCreationHandling.Replace });

        private void Set(LoadedConversation loaded, T value)
        {
            loaded.Values[Name] = value!;
            loaded.Changed = true;
        }
    }
}
