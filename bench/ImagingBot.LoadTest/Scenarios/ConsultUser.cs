using System.Globalization;
using System.Text.Json;
using ImagingBot.LoadTest.Load;

namespace ImagingBot.LoadTest.Scenarios;

/// <summary>
/// A clinician running whole consults: "start", then a click on the planned answer's button of every question
/// card (its Action.Submit data sent back as the activity value with no text, as Teams and the Emulator do),
/// until the recommendation card orders the expected study first (with the emergency banner when the patient is
/// an emergency, without it otherwise). Then the next consult starts in the same conversation with a click on the
/// card's "New consult" button (as in a Teams personal chat), or in a new conversation with "start" when asked.
/// The patients take turns (<see cref="ConsultProfile"/>), each user starting at its own place in the rotation.
/// </summary>
internal sealed class ConsultUser(string conversationPrefix, int userIndex, ConsultMode mode, bool newConversationPerConsult = false, IReadOnlyList<ConsultProfile>? patients = null) : IVirtualUser
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

    // Reused turn after turn: it keeps ranges of the last response's body, which this user no longer needs after its turn.
    private readonly ReplyScan _scan = new();

    public int Turns { get; private set; }

    /// <summary>The patient of the consult under way.</summary>
    public ConsultProfile Profile => _patients[(userIndex + _consults) % _patients.Count];

    public static string ConversationId(string prefix, int userIndex, int consult) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{userIndex}-{consult}");

    public async Task<TurnOutcome> RunTurnAsync(BotClient client, CancellationToken cancellationToken)
    {
        var request = _next ?? ActivityPayloads.Message(_conversationId, StartCommand);
        _turnInConsult++;
        Turns++;
        var response = await client.PostAsync(request, cancellationToken).ConfigureAwait(false);
        LastResponse = response;
        if (mode == ConsultMode.GreetingOnly)
        {
            return CheckGreeting(response);
        }

        var error = _scan.Read(response);
        return error is null ? Advance(_scan) : Restart(error);
    }

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
                _next = ActivityPayloads.Message(_conversationId, text: null, data.Utf8Json);
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
            _next = ActivityPayloads.Message(_conversationId, text: null, data.Utf8Json);
        }

        return new TurnOutcome(FinishedConsult: true);
    }

    private TurnOutcome Restart(string error)
    {
        NextConsult();
        return TurnOutcome.Failed(error);
    }

    private void NextConsult()
    {
        _consults++;
        _turnInConsult = 0;
        _next = null;
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
