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
        var (document, error) = Replies.Parse(response);
        if (document is null)
        {
            return Restart(error!);
        }

        using (document)
        {
            return mode == ConsultMode.GreetingOnly ? CheckGreeting(document) : Advance(document);
        }
    }

    private TurnOutcome Advance(JsonDocument document)
    {
        var buttons = Replies.SubmitData(document);
        var questionButtons = new List<JsonElement>(buttons.Count);
        foreach (var data in buttons)
        {
            if (data.TryGetProperty("questionId"u8, out _) && AnswerOf(data) is not null)
            {
                questionButtons.Add(data);
            }
        }

        if (questionButtons.Count == 0)
        {
            if (!Replies.Cards(document).Any())
            {
                return Restart("neither a question card nor a recommendation card");
            }

            // The recommendation must name the planned study as the one to order, not only as an alternative.
            if (!Replies.OrdersFirst(document, Profile.ExpectedStudy))
            {
                return Restart($"recommendation does not order '{Profile.ExpectedStudy}' ({Profile.Name})");
            }

            var newConsult = buttons.Find(data => data.TryGetProperty("action"u8, out var action) && action.ValueEquals("new"u8));
            return Finish(newConsult.ValueKind == JsonValueKind.Object ? newConsult.Clone() : null);
        }

        if (_turnInConsult >= MaxTurnsPerConsult)
        {
            return Restart("consult did not end within " + MaxTurnsPerConsult.ToString(CultureInfo.InvariantCulture) + " turns");
        }

        var questionId = questionButtons[0].GetProperty("questionId").ToString();
        var accepted = Profile.AnswerFor(questionId);
        if (accepted is null)
        {
            return Restart("unknown question " + questionId);
        }

        foreach (var data in questionButtons)
        {
            if (data.GetProperty("questionId").ToString() == questionId
                && accepted.Contains(ConsultProfile.Normalize(AnswerOf(data)!)))
            {
                // The button's data goes back unchanged, with no text, as a card click does.
                _next = ActivityPayloads.Message(_conversationId, text: null, data.Clone());
                return TurnOutcome.Ok;
            }
        }

        return Restart($"no button answers {questionId} with {accepted[0]}");
    }

    /// <summary>The answer a button carries: <c>value</c> in our card templates (<c>answer</c> accepted too).</summary>
    private static string? AnswerOf(JsonElement data) =>
        data.TryGetProperty("value", out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.True or JsonValueKind.False
            ? value.ToString()
            : data.TryGetProperty("answer", out var answer) && answer.ValueKind is JsonValueKind.String or JsonValueKind.True or JsonValueKind.False
                ? answer.ToString()
                : null;

    private TurnOutcome CheckGreeting(JsonDocument document)
    {
        // Until the consult lands, the bot greets every message: one greeting is one "consult".
        var texts = Replies.Activities(document).Select(Replies.Text).ToList();
        return texts.Any(text => text is not null && text.StartsWith("Hello, I am ImagingBot", StringComparison.Ordinal))
            ? Finish()
            : Restart("greeting missing");
    }

    private TurnOutcome Finish(JsonElement? newConsultButton = null)
    {
        NextConsult();
        if (newConsultButton is { } data && !newConversationPerConsult)
        {
            _next = ActivityPayloads.Message(_conversationId, text: null, data);
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
