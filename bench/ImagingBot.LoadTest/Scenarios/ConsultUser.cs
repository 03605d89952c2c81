using System.Globalization;
using System.Text.Json;
using ImagingBot.LoadTest.Load;

namespace ImagingBot.LoadTest.Scenarios;

/// <summary>
/// A clinician running whole consults: "start", then a click on the planned answer's button of every question
/// card (its Action.Submit data sent back as the activity value with no text, as Teams and the Emulator do),
/// until the recommendation card names the expected study as the one to order. Then the next consult starts in
/// the same conversation with a click on the card's "New consult" button (as in a Teams personal chat), or in a
/// new conversation with "start" when asked.
/// </summary>
internal sealed class ConsultUser(string conversationPrefix, int userIndex, ConsultMode mode, bool newConversationPerConsult = false) : IVirtualUser
{
    public BotResponse LastResponse { get; private set; }

    public const string StartCommand = "start";
    private const int MaxTurnsPerConsult = 12;

    private int _consults;
    private int _turnInConsult;
    private string _conversationId = ConversationId(conversationPrefix, userIndex, 0);
    private byte[]? _next;

    // Reused turn after turn: it keeps ranges of the last response's body, which this user no longer needs after its turn.
    private readonly ReplyScan _scan = new();

    public int Turns { get; private set; }

    private ConsultProfile Profile => ConsultProfile.All[(userIndex + _consults) % ConsultProfile.All.Count];

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
    /// A question card: click the planned answer. The recommendation card: check the study, then "New consult".
    /// Plain loops over the scan, each button's data read once, no LINQ: this runs on every turn, on the cores the
    /// bot needs.
    /// </summary>
    private TurnOutcome Advance(ReplyScan scan)
    {
        string? questionId = null;
        IReadOnlyList<string>? accepted = null;
        for (var i = 0; i < scan.SubmitCount; i++)
        {
            var data = scan.Submit(i);
            if (!TryReadQuestionButton(data, out var id, out var answer))
            {
                continue;
            }

            // The first question button tells which question the card asks.
            if (questionId is null)
            {
                if (_turnInConsult >= MaxTurnsPerConsult)
                {
                    return Restart("consult did not end within " + MaxTurnsPerConsult.ToString(CultureInfo.InvariantCulture) + " turns");
                }

                questionId = id;
                accepted = Profile.AnswerFor(id);
                if (accepted is null)
                {
                    return Restart("unknown question " + id);
                }
            }

            if (id == questionId && Accepts(accepted!, ConsultProfile.Normalize(answer)))
            {
                // The button's data goes back unchanged, with no text, as a card click does.
                _next = ActivityPayloads.Message(_conversationId, text: null, data.Utf8Json);
                return TurnOutcome.Ok;
            }
        }

        if (questionId is not null)
        {
            return Restart($"no button answers {questionId} with {accepted![0]}");
        }

        if (scan.Cards == 0)
        {
            return Restart("neither a question card nor a recommendation card");
        }

        // The recommendation must name the planned study as the one to order, not only as an alternative.
        if (!Replies.OrdersFirst(scan, Profile.ExpectedStudy))
        {
            return Restart($"recommendation does not order '{Profile.ExpectedStudy}' ({Profile.Name})");
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

    /// <summary>
    /// A question card's button: its data has a <c>questionId</c> and an answer, <c>value</c> in our card templates
    /// (<c>answer</c> accepted too), a string, true or false. Both as <see cref="JsonElement.ToString"/> gives
    /// them; where a name is repeated the last one counts, as with <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>.
    /// </summary>
    private static bool TryReadQuestionButton(SubmitData data, out string questionId, out string answer)
    {
        var json = data.Utf8Json;
        var reader = new Utf8JsonReader(json);
        reader.Read();
        Utf8JsonReader id = default, value = default, answerValue = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("questionId"u8))
            {
                reader.Read();
                id = reader;
            }
            else if (reader.ValueTextEquals("value"u8))
            {
                reader.Read();
                value = reader;
            }
            else if (reader.ValueTextEquals("answer"u8))
            {
                reader.Read();
                answerValue = reader;
            }
            else
            {
                reader.Read();
            }

            reader.Skip();
        }

        // A reader left at default has not read a token: the property is missing.
        var answerReader = IsAnswer(value.TokenType) ? value : answerValue;
        if (id.TokenType == JsonTokenType.None || !IsAnswer(answerReader.TokenType))
        {
            questionId = answer = string.Empty;
            return false;
        }

        questionId = SubmitData.ValueText(ref id, json);
        answer = SubmitData.ValueText(ref answerReader, json);
        return true;
    }

    private static bool IsAnswer(JsonTokenType token) => token is JsonTokenType.String or JsonTokenType.True or JsonTokenType.False;

    private static bool Accepts(IReadOnlyList<string> accepted, string answer)
    {
        for (var i = 0; i < accepted.Count; i++)
        {
            if (accepted[i] == answer)
            {
                return true;
            }
        }

        return false;
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
    /// <summary>The waterfall consult: question cards, then the recommendation card.</summary>
    Consult,

    /// <summary>The foundation's greeting bot (before the consult was merged): every message gets the greeting.</summary>
    GreetingOnly,
}
