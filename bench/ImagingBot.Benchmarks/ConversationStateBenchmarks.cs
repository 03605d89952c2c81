using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using ImagingBot.Bots;
using ImagingBot.Consult;
using ImagingBot.Guidance;
using ImagingBot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace ImagingBot.Benchmarks;

/// <summary>
/// One turn's state cycle (load, get, set, save) on the Memory store: Bot Framework's ConversationState, which
/// serialises the state three more times per turn to find changes, against ChangeTrackedConversationState.
/// The consult is what the bot stores mid-consult (the <see cref="ConsultState"/> under the handler's property
/// "consultation"); the counter is what the load test's echo floor stores.
/// Run with invariant globalization, as the app is: Bot Framework's TurnState compares its keys with the
/// invariant culture ignoring case, which with ICU costs about half a microsecond per lookup.
/// </summary>
[MemoryDiagnoser]
[InvariantGlobalizationAsTheApp]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ConversationStateBenchmarks
{
    private const string Consult = "consult";
    private const string ConsultProperty = ImagingBotActivityHandler.ConsultPropertyName;
    private const string Counter = "counter";

    private readonly TestAdapter _adapter = new();
    private readonly Activity _activity = new(ActivityTypes.Message)
    {
        ChannelId = "msteams",
        Conversation = new ConversationAccount(id: "a:1Xb2C3d4E5f6G7h8I9j0-conversation"),
        Text = "yes",
    };

    // The echo floor's own conversation: only its counter is stored there.
    private readonly Activity _echoActivity = new(ActivityTypes.Message)
    {
        ChannelId = "msteams",
        Conversation = new ConversationAccount(id: "a:9Zy8X7w6V5u4T3s2R1q0-conversation"),
        Text = "hello",
    };

    // The article's patient half way: the emergency screen, age and trauma answered, the cancer question pending.
    private readonly ConsultState _consult = new()
    {
        ConsultId = "AbCd2345",
        Version = 4,
        Pending = "cancer",
        Asked = 5,
        Answers = new ClinicalAnswers(CaudaEquinaSigns: false, SepsisSigns: false, Age: AgeGroup.Adult, MajorTrauma: false),
    };

    // The app's Memory store, read by ChangeTrackedConversationState and the floor; ConversationState has its own
    // with the same conversation in it.
    private readonly ConcurrentMemoryStorage _store = new(TimeSpan.FromHours(24));
    private ConversationState _botFramework = null!;
    private IStatePropertyAccessor<ConsultState?> _botFrameworkConsult = null!;
    private IStatePropertyAccessor<bool> _botFrameworkWelcomed = null!;
    private IStatePropertyAccessor<int> _botFrameworkTurns = null!;
    private ChangeTrackedConversationState _changeTracked = null!;
    private IStatePropertyAccessor<ConsultState?> _changeTrackedConsult = null!;
    private IStatePropertyAccessor<bool> _changeTrackedWelcomed = null!;
    private IStatePropertyAccessor<int> _changeTrackedTurns = null!;

    [GlobalSetup]
    public async Task SetUp()
    {
        _botFramework = new ConversationState(new ConcurrentMemoryStorage(TimeSpan.FromHours(24)));
        _botFrameworkConsult = _botFramework.CreateProperty<ConsultState?>(ConsultProperty);
        _botFrameworkWelcomed = _botFramework.CreateProperty<bool>("welcomed");
        _botFrameworkTurns = _botFramework.CreateProperty<int>("turns");
        _changeTracked = new ChangeTrackedConversationState(_store);
        _changeTrackedConsult = _changeTracked.CreateProperty<ConsultState?>(ConsultProperty);
        _changeTrackedWelcomed = _changeTracked.CreateProperty<bool>("welcomed");
        _changeTrackedTurns = _changeTracked.CreateProperty<int>("turns");

        // The stored conversation a consult turn starts from: welcomed, four answers given.
        using var turn = new TurnContext(_adapter, _activity);
        await _botFrameworkWelcomed.SetAsync(turn, true);
        await _botFrameworkConsult.SetAsync(turn, _consult);
        await _botFramework.SaveChangesAsync(turn);
        await _changeTrackedWelcomed.SetAsync(turn, true);
        await _changeTrackedConsult.SetAsync(turn, _consult);
        await _changeTracked.SaveChangesAsync(turn);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Consult)]
    public async Task ConsultTurnConversationState()
    {
        using var turn = new TurnContext(_adapter, _activity);
        await _botFramework.LoadAsync(turn);
        var consult = await _botFrameworkConsult.GetAsync(turn, null);
        await _botFrameworkConsult.SetAsync(turn, consult! with { Version = consult.Version + 1 });
        await _botFramework.SaveChangesAsync(turn);
    }

    [Benchmark]
    [BenchmarkCategory(Consult)]
    public async Task ConsultTurnChangeTracked()
    {
        using var turn = new TurnContext(_adapter, _activity);
        await _changeTracked.LoadAsync(turn);
        var consult = await _changeTrackedConsult.GetAsync(turn, null);
        await _changeTrackedConsult.SetAsync(turn, consult! with { Version = consult.Version + 1 });
        await _changeTracked.SaveChangesAsync(turn);
    }

    /// <summary>The floor: the store's own read and write of the same conversation, no state class around it.</summary>
    [Benchmark]
    [BenchmarkCategory(Consult)]
    public async Task ConsultStoreReadWriteOnly()
    {
        var key = "msteams/conversations/" + _activity.Conversation.Id;
        var read = await _store.ReadAsync([key]);
        await _store.WriteAsync(new Dictionary<string, object> { [key] = read[key] });
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Counter)]
    public async Task CounterTurnConversationState()
    {
        using var turn = new TurnContext(_adapter, _echoActivity);
        await _botFramework.LoadAsync(turn);
        var turns = await _botFrameworkTurns.GetAsync(turn, () => 0);
        await _botFrameworkTurns.SetAsync(turn, turns + 1);
        await _botFramework.SaveChangesAsync(turn);
    }

    [Benchmark]
    [BenchmarkCategory(Counter)]
    public async Task CounterTurnChangeTracked()
    {
        using var turn = new TurnContext(_adapter, _echoActivity);
        await _changeTracked.LoadAsync(turn);
        var turns = await _changeTrackedTurns.GetAsync(turn, () => 0);
        await _changeTrackedTurns.SetAsync(turn, turns + 1);
        await _changeTracked.SaveChangesAsync(turn);
    }
}

/// <summary>Every job of the class runs with invariant globalization (src/ImagingBot sets InvariantGlobalization).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class InvariantGlobalizationAsTheAppAttribute : JobMutatorConfigBaseAttribute
{
    public InvariantGlobalizationAsTheAppAttribute()
        : base(Job.Default.WithEnvironmentVariable("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1"))
    {
    }
}
