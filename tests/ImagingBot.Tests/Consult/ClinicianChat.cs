using System.Globalization;
using System.Text.RegularExpressions;
using ImagingBot.Bots;
using ImagingBot.Cards;
using ImagingBot.Consult;
using ImagingBot.Guidance;
using ImagingBot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Tests.Consult;

/// <summary>
/// The real bot class (ImagingBotActivityHandler with the real ClinicalConsult, decision and FAQ search) in a
/// TestFlow, with the plain-text cards (<see cref="TextConsultCards"/>) so each reply reads as one line:
/// "[consultId/questionId] question", "Variant 7, Routine: study | study [consultId]", "help", "faq: question".
/// Consults get the ids c1, c2, c3 in turn.
/// </summary>
internal static partial class ClinicianChat
{
    public static readonly GuidanceDocument Guidance = GuidanceLoader.LoadDefault();
    private static readonly ImagingDecision Decision = new(Guidance);
    private static readonly FaqSearch Faq = new(Guidance);
    private static readonly ConsultOptions Notes = new();

    /// <summary>The question keys in the order of the guidance's question tree.</summary>
    public static IReadOnlyList<string> TreeOrder { get; } = [.. Guidance.Questions.Select(question => question.Key)];

    public static ImagingBotActivityHandler Bot(IStorage storage, params string[] consultIds) =>
        Bot(storage, new TextConsultCards(), consultIds);

    /// <summary>The bot as the app builds it; consults take <paramref name="consultIds"/> in turn (c1, c2, ... when none are given).</summary>
    public static ImagingBotActivityHandler Bot(IStorage storage, IConsultCards cards, params string[] consultIds)
    {
        var state = new ChangeTrackedConversationState(storage);
        var consult = new ClinicalConsult(Decision, Faq, new ConsultOptions { NewConsultId = Ids(consultIds) });
        return new ImagingBotActivityHandler(state, consult, new FaqSearchExtension(Guidance, Faq, cards.FaqAnswerAttachment), cards);
    }

    /// <summary>A chat with the bot; consults get the ids c1, c2, c3 in turn.</summary>
    public static TestFlow Open(IStorage? storage = null, TestAdapter? adapter = null) =>
        new(adapter ?? new TestAdapter(), Bot(storage ?? new ConcurrentMemoryStorage(TimeSpan.FromHours(1))));

    /// <summary>A button click as Teams, the Emulator and the Playground deliver it: the card's data in Value, no text.</summary>
    public static Activity Click(JObject data) => new() { Type = ActivityTypes.Message, Value = data };

    /// <summary>The same click as some clients deliver it: the card's data as a JSON string in Value.</summary>
    public static Activity ClickAsString(JObject data) => new() { Type = ActivityTypes.Message, Value = data.ToString(Newtonsoft.Json.Formatting.None) };

    public static Activity Answer(string consultId, string questionId, string value) =>
        Click(new JObject { ["action"] = "answer", ["consultId"] = consultId, ["questionId"] = questionId, ["value"] = value });

    public static Activity Action(string action, string? consultId = null)
    {
        var data = new JObject { ["action"] = action };
        if (consultId is not null)
        {
            data["consultId"] = consultId;
        }

        return Click(data);
    }

    public static TestFlow Asks(this TestFlow flow, string consultId, string questionId) =>
        flow.AssertReply(reply => Assert.StartsWith($"[{consultId}/{questionId}]", Text(reply), StringComparison.Ordinal));

    public static TestFlow Says(this TestFlow flow, string expected) =>
        flow.AssertReply(reply => Assert.Equal(expected, Text(reply)));

    public static TestFlow SaysSomething(this TestFlow flow, string part) =>
        flow.AssertReply(reply => Assert.Contains(part, Text(reply), StringComparison.Ordinal));

    /// <summary>The advice of this variant and urgency (a recommendation), for consult <paramref name="consultId"/>.</summary>
    public static TestFlow Advises(this TestFlow flow, int variant, Urgency urgency, string consultId = "c1") =>
        flow.AssertReply(reply =>
        {
            Assert.StartsWith($"Variant {variant}, {urgency}: ", Text(reply), StringComparison.Ordinal);
            Assert.Contains($"[{consultId}]", Text(reply), StringComparison.Ordinal);
        });

    public static string Text(IActivity reply) => reply.AsMessageActivity()?.Text ?? string.Empty;

    private static Func<string> Ids(string[] ids)
    {
        var queue = new Queue<string>(ids);
        var next = 0;
        return () => queue.Count > 0 ? queue.Dequeue() : "c" + (++next).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A whole consult driven by a clinician who knows the patient: <paramref name="opening"/> first (a "start", a click
    /// on "new", or a one-line case), then every question the bot asks is answered from <paramref name="patient"/>
    /// (question key to option value), typed or clicked, and a case read from one line is confirmed. Fails when the bot
    /// asks something the patient has no answer for, or keeps asking.
    /// </summary>
    public static async Task<ConsultWalk> WalkAsync(IActivity opening, IReadOnlyDictionary<string, string> patient, bool typed, IStorage? storage = null)
    {
        var adapter = new TestAdapter();
        var bot = Bot(storage ?? new ConcurrentMemoryStorage(TimeSpan.FromHours(1)));
        var asked = new List<string>();
        var transcript = new List<string>();
        var next = opening;
        for (var turn = 0; turn < 2 * TreeOrder.Count; turn++)
        {
            var said = await TurnAsync(adapter, bot, next);
            transcript.AddRange(said);
            Assert.True(said.Count > 0, "the bot said nothing to: " + Text(next));
            var last = said[^1];
            if (Asked().Match(last) is not { Success: true } question)
            {
                return new ConsultWalk(asked, transcript, last);
            }

            var (consultId, key) = (question.Groups["consult"].Value, question.Groups["key"].Value);
            asked.Add(key);
            var value = key == ConsultState.CaseStep ? ClinicalAnswers.Yes
                : patient.TryGetValue(key, out var known) ? known
                : throw new Xunit.Sdk.XunitException($"The bot asked \"{key}\", which this patient has no answer for. So far: {string.Join(" / ", transcript)}");
            next = typed ? MessageFactory.Text(value) : Answer(consultId, key, value);
        }

        throw new Xunit.Sdk.XunitException("The consult never ended: " + string.Join(" / ", transcript));
    }

    /// <summary>One turn: what the bot says back to <paramref name="activity"/>, one line per reply.</summary>
    public static async Task<List<string>> TurnAsync(TestAdapter adapter, IBot bot, IActivity activity)
    {
        await adapter.ProcessActivityAsync((Activity)activity, bot.OnTurnAsync, CancellationToken.None);
        var said = new List<string>();
        while (adapter.GetNextReply() is { } reply)
        {
            said.Add(Text(reply));
        }

        return said;
    }

    [GeneratedRegex(@"^\[(?<consult>[^/\]]+)/(?<key>[^\]]+)\]")]
    private static partial Regex Asked();
}

/// <summary>A consult walked to its end: the question keys asked in order ("case" for a confirmation), every line said, and the last one (the advice).</summary>
internal sealed record ConsultWalk(IReadOnlyList<string> Asked, IReadOnlyList<string> Transcript, string Advice)
{
    public override string ToString() => string.Join(" / ", Transcript);
}
