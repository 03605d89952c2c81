using System.Globalization;
using System.Text.Json;
using ImagingBot.LoadTest.Connector;
using ImagingBot.LoadTest.Load;

namespace ImagingBot.LoadTest.Scenarios;

/// <summary>
/// A clinician running whole consults: "start", then a click on the planned answer's button of every question
/// card (its Action.Submit data sent back as the activity value with no text, as Teams and the Emulator do),
/// until the recommendation card orders the expected study first (with the emergency banner when the patient is
/// an emergency, without it otherwise). Then the next consult starts in the same conversation with a click on the
/// card's "New consult" button (as in a Teams personal chat), or in a new conversation with "start" when asked.
/// The patients take turns (<see cref="ConsultProfile"/>), each user starting at its own place in the rotation.
/// With a <paramref name="connector"/> the clinician is in Teams: messages with Teams' normal delivery, the replies
/// read from the fake connector after the turn's 200, and each Action.Execute button clicked as a Universal Action
/// (an <c>adaptiveCard/action</c> invoke) whose HTTP response must be the answered card's record.
/// </summary>
internal sealed class ConsultUser(string conversationPrefix, int userIndex, ConsultMode mode, bool newConversationPerConsult = false, IReadOnlyList<ConsultProfile>? patients = null, FakeConnector? connector = null) : IVirtualUser
{
    public BotResponse LastResponse { get; private set; }

    public const string StartCommand = "start";

    // Start and every question of the tree, with room to spare: a consult that goes on longer is stuck.
    private const int MaxTurnsPerConsult = 16;

    private readonly IReadOnlyList<ConsultProfile> _patients = patients is { Count: > 0 } ? patients : ConsultProfile.Default;
    private int _consults;
    private int _turnInConsult;
    private string _conversationId = ConversationId(conversationPrefix, userIndex, 0);
    private byte[]? _next;
    private bool _nextIsInvoke;

    // Reused turn after turn: it keeps ranges of the last response's body, which this user no longer needs after its turn.
    private readonly ReplyScan _scan = new();

    public int Turns { get; private set; }

    /// <summary>The patient of the consult under way.</summary>
    public ConsultProfile Profile => _patients[(userIndex + _consults) % _patients.Count];

    public static string ConversationId(string prefix, int userIndex, int consult) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{userIndex}-{consult}");

    public async Task<TurnOutcome> RunTurnAsync(BotClient client, CancellationToken cancellationToken)
    {
        var request = _next ?? (connector is null ? ActivityPayloads.Message(_conversationId, StartCommand) : ActivityPayloads.TeamsMessage(Chat, StartCommand));
        var invoke = _nextIsInvoke;
        UniversalActions += invoke ? 1 : 0;
        _turnInConsult++;
        Turns++;
        var response = await client.PostAsync(request, cancellationToken).ConfigureAwait(false);
        LastResponse = response;
        if (connector is not null)
        {
            return CheckTeamsTurn(response, invoke);
        }

        if (mode == ConsultMode.GreetingOnly)
        {
            return CheckGreeting(response);
        }

        var error = _scan.Read(response);
        return error is null ? Advance(_scan) : Restart(error);
    }

    // The Teams chat of the conversation under way, made again only when a consult moves to a new conversation.
    private TeamsChat? _chat;

    private TeamsChat Chat => _chat is { } chat && chat.ConversationId == _conversationId
        ? chat
        : _chat = new TeamsChat(_conversationId, connector!.ServiceUrl.OriginalString);

    /// <summary>Clicks sent as Teams' Universal Actions (<c>adaptiveCard/action</c> invokes).</summary>
    public int UniversalActions { get; private set; }

    /// <summary>
    /// A Teams turn: 200, for a click the record of the answer in the invoke response, then at the connector the
    /// turn's replies (the next question or the recommendation), at least one: none is a lost reply.
    /// </summary>
    private TurnOutcome CheckTeamsTurn(BotResponse response, bool invoke)
    {
        var (replies, count) = connector!.TakeReplies(_conversationId);
        LastResponse = response with { Body = replies };
        if (response.Status != System.Net.HttpStatusCode.OK)
        {
            return Restart($"HTTP {(int)response.Status}");
        }

        if (invoke && Replies.InvokeCardError(response.Body) is { } cardError)
        {
            return Restart(cardError);
        }

        if (count == 0)
        {
            return Restart(LostReply, lostReplies: 1);
        }

        var error = _scan.Read(replies);
        return error is null ? Advance(_scan) : Restart(error);
    }

    /// <summary>The error of a turn whose reply never reached the connector.</summary>
    public const string LostReply = "reply lost: nothing arrived at the connector";

    /// <summary>
    /// A question card: click the planned answer. The recommendation card: check the study and the banner, then
    /// "New consult". Plain loops over the scan, each button's data compared as bytes, no LINQ and no string: this
    /// runs on every turn, on the cores the bot needs.
    /// </summary>
    private TurnOutcome Advance(ReplyScan scan)
    {
        var profile = Profile;
        PlannedAnswer? planned = null;
        var asked = false;
        for (var i = 0; i < scan.SubmitCount; i++)
        {
            var data = scan.Submit(i);
            if (!data.StringEquals("action"u8, "answer"u8))
            {
                continue;
            }

            // The first answer button tells which question the card asks.
            if (!asked)
            {
                asked = true;
                if (_turnInConsult >= MaxTurnsPerConsult)
                {
                    return Restart("consult did not end within " + MaxTurnsPerConsult.ToString(CultureInfo.InvariantCulture) + " turns");
                }

                planned = profile.AnswerFor(data);
                if (planned is null)
                {
                    return Restart($"unexpected question {QuestionIdOf(data)} ({profile.Name})");
                }
            }

            if (data.StringEquals("questionId"u8, planned!.Utf8QuestionId) && data.StringEquals("value"u8, planned.Utf8Value))
            {
                // The button's data goes back unchanged, with no text, as a card click does.
                Click(data);
                return TurnOutcome.Ok;
            }
        }

        if (planned is not null)
        {
            return Restart($"no button answers {planned.QuestionId} with {planned.Value}");
        }

        if (scan.Cards == 0)
        {
            return Restart("neither a question card nor a recommendation card");
        }

        // The recommendation must name the planned study as the one to order, not only as an alternative.
        if (!Replies.OrdersFirst(scan, profile.ExpectedStudy))
        {
            return Restart($"recommendation does not order '{profile.ExpectedStudy}' first ({profile.Name})");
        }

        if (Replies.IsEmergent(scan) != profile.Emergent)
        {
            return Restart(profile.Emergent ? $"emergency banner missing ({profile.Name})" : $"emergency banner on a routine recommendation ({profile.Name})");
        }

        for (var i = 0; i < scan.SubmitCount; i++)
        {
            if (scan.Submit(i).StringEquals("action"u8, "new"u8))
            {
                return Finish(scan.Submit(i));
            }
        }

        return Finish();
    }

    // For the error message only.
    private static string QuestionIdOf(SubmitData data)
    {
        var json = data.Utf8Json;
        var reader = new Utf8JsonReader(json);
        reader.Read();
        var id = "(none)";
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isId = reader.ValueTextEquals("questionId"u8);
            reader.Read();
            if (isId)
            {
                id = SubmitData.ValueText(ref reader, json);
            }

            reader.Skip();
        }

        return id;
    }

    private TurnOutcome CheckGreeting(BotResponse response)
    {
        var (document, error) = Replies.Parse(response);
        if (document is null)
        {
            return Restart(error!);
        }

        using (document)
        {
            // Until the consult lands, the bot greets every message: one greeting is one "consult".
            var texts = Replies.Activities(document).Select(Replies.Text).ToList();
            return texts.Any(text => text is not null && text.StartsWith("Hello, I am ImagingBot", StringComparison.Ordinal))
                ? Finish()
                : Restart("greeting missing");
        }
    }

    private TurnOutcome Finish(SubmitData? newConsultButton = null)
    {
        NextConsult();
        if (newConsultButton is { } data && !newConversationPerConsult)
        {
            Click(data);
        }

        return new TurnOutcome(FinishedConsult: true);
    }

    /// <summary>
    /// A click as the channel sends it: an Action.Submit as a message with the data as value (Emulator or Teams), an
    /// Action.Execute as Teams' Universal Action invoke.
    /// </summary>
    private void Click(SubmitData data)
    {
        _nextIsInvoke = connector is not null && data.IsExecute;
        _next = connector is null ? ActivityPayloads.Message(_conversationId, text: null, data.Utf8Json)
            : _nextIsInvoke ? ActivityPayloads.TeamsExecute(Chat, data.Utf8Verb, data.Utf8Json)
            : ActivityPayloads.TeamsMessage(Chat, text: null, data.Utf8Json);
    }

    private TurnOutcome Restart(string error, int lostReplies = 0)
    {
        NextConsult();
        return new TurnOutcome(error, LostReplies: lostReplies);
    }

    private void NextConsult()
    {
        _consults++;
        _turnInConsult = 0;
        _next = null;
        _nextIsInvoke = false;
        if (newConversationPerConsult)
        {
            _conversationId = ConversationId(conversationPrefix, userIndex, _consults);
        }
    }
}

/// <summary>What the bot under test does with "start".</summary>
internal enum ConsultMode
{
    /// <summary>The consult: question cards, then the recommendation card.</summary>
    Consult,

    /// <summary>The foundation's greeting bot (before the consult was merged): every message gets the greeting.</summary>
    GreetingOnly,
}
