using ImagingBot.Cards;
using ImagingBot.Consult;
using ImagingBot.State;
using ImagingBot.Telemetry;
using ImagingBot.Turn;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Bots;

/// <summary>
/// The Teams-facing bot, which only reads the turn, renders and saves: each message is read once into a
/// <see cref="TurnInput"/>, the consult (<see cref="ClinicalConsult.Next"/>) decides the new state and what to say,
/// and the replies are rendered as cards and sent together. Welcomes and the compose-box FAQ search are here too.
/// </summary>
public sealed class ImagingBotActivityHandler : TeamsActivityHandler
{
    public const string WelcomedPropertyName = "welcomed";

    /// <summary>
    /// The consult's stored state. Not the earlier releases' "consult" property, whose type is gone: such a
    /// conversation starts a fresh consult, and the old value expires with the conversation.
    /// </summary>
    public const string ConsultPropertyName = "consultation";

    /// <summary>The answer to an Action.Execute whose data is not one of our cards' (the card stays as it is).</summary>
    public const string UnknownCardAction = "This button is not one ImagingBot knows, so nothing was changed.";

    /// <summary>The answer to an Action.Execute whose card stays as it is.</summary>
    public const string CardLeftAsIs = "Done.";

    // Universal Actions' response type for a message shown to the user instead of a new card.
    private const string MessageResponseType = "application/vnd.microsoft.activity.message";

    public const string UnknownComposeCommand = "This search is not one ImagingBot knows. Update the app, or search the common questions instead.";

    private readonly IConversationState conversationState;
    private readonly IStatePropertyAccessor<bool> welcomed;
    private readonly IStatePropertyAccessor<ConsultState?> consultState;
    private readonly ClinicalConsult consult;
    private readonly FaqSearchExtension composeSearch;
    private readonly IConsultCards cards;
    private readonly ConsultTelemetry? telemetry;

    public ImagingBotActivityHandler(IConversationState conversationState, ClinicalConsult consult, FaqSearchExtension composeSearch, IConsultCards cards, ConsultTelemetry? telemetry = null)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        this.conversationState = conversationState;
        welcomed = conversationState.CreateProperty<bool>(WelcomedPropertyName);
        consultState = conversationState.CreateProperty<ConsultState?>(ConsultPropertyName);
        this.consult = consult;
        this.composeSearch = composeSearch;
        this.cards = cards;
        this.telemetry = telemetry;
    }

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        // Read the conversation first: if the store is down, the user hears so before anything else is said.
        await conversationState.LoadAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        await TakeTurnAsync(turnContext, TurnInputReader.Read(turnContext.Activity), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// A Universal Action (Teams' <c>adaptiveCard/action</c>: a click on an Action.Execute button, or a card's refresh):
    /// the same consult turn as a click sent as a message, and its response is the card that replaces the clicked one
    /// in place (<see cref="ConsultTurn.ClickedCard"/>). The turn's other replies, such as the next question, come as
    /// new messages.
    /// </summary>
    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var input = TurnInputReader.Read(turnContext.Activity);
        if (input.Action is null)
        {
            // Not one of our cards' actions (they always name theirs).
            return new AdaptiveCardInvokeResponse
            {
                StatusCode = StatusCodes.Status400BadRequest,
                Type = "application/vnd.microsoft.error",
                Value = new Error { Code = "BadRequest", Message = UnknownCardAction },
            };
        }

        var turn = await TakeTurnAsync(turnContext, input, cancellationToken).ConfigureAwait(false);
        if (turn.ClickedCard is not { } clicked)
        {
            // A button whose card stays as it is (none of ours is sent as Action.Execute without a card to show).
            return new AdaptiveCardInvokeResponse { StatusCode = StatusCodes.Status200OK, Type = MessageResponseType, Value = CardLeftAsIs };
        }

        var card = cards.Render(clicked, CardAudience.For(turnContext.Activity));
        return new AdaptiveCardInvokeResponse { StatusCode = StatusCodes.Status200OK, Type = AdaptiveCardMessage.ContentType, Value = card.Attachments[0].Content };
    }

    // Load, Next, store, send: the same for a message and a Universal Action.
    private async Task<ConsultTurn> TakeTurnAsync(ITurnContext turnContext, TurnInput input, CancellationToken cancellationToken)
    {
        var stored = await consultState.GetAsync(turnContext, null, cancellationToken).ConfigureAwait(false);
        var turn = consult.Next(stored, input);
        if (turn.State is null && stored is not null)
        {
            await consultState.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
        else if (turn.State is not null && !ReferenceEquals(turn.State, stored))
        {
            await consultState.SetAsync(turnContext, turn.State, cancellationToken).ConfigureAwait(false);
        }

        if (turn.Replies.Count > 0)
        {
            var audience = CardAudience.For(turnContext.Activity);
            var replies = new IActivity[turn.Replies.Count];
            for (var i = 0; i < replies.Length; i++)
            {
                replies[i] = cards.Render(turn.Replies[i], audience);
            }

            await turnContext.SendActivitiesAsync(replies, cancellationToken).ConfigureAwait(false);
        }

        // Once the replies are out: the audit records advice the clinician was sent.
        telemetry?.TurnTaken(turnContext.Activity, stored, turn);
        return turn;
    }

    // Welcome once per conversation. Teams (and the Agents Playground, which sends both on every page load, at
    // the same time) announces the app with installationUpdate; there conversationUpdate is not used for the
    // welcome, because two turns arriving together would both see "not welcomed yet", and because Teams also
    // sends it whenever someone joins a team, which must not post a welcome into the channel. Other channels
    // (the Emulator, Web Chat) only send conversationUpdate. The flag in conversation state covers repeats.
    protected override Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        WelcomeOnceAsync(turnContext, cancellationToken);

    // Overridden rather than OnMembersAddedAsync: on msteams the base class would first ask the Teams
    // service for each member's profile, which the welcome does not need.
    protected override Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var someoneElse = activity.MembersAdded?.Any(member => member is not null && member.Id != activity.Recipient?.Id) == true;
        return someoneElse && activity.ChannelId != Channels.Msteams ? WelcomeOnceAsync(turnContext, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>
    /// An invoke the bot cannot take is the caller's mistake, so it gets 400, not a server error: the SDK answers
    /// an unknown invoke name with 501, and fails (no invoke response: 501 again) on a compose-box value that is
    /// missing, not an object, or has fields of the wrong type.
    /// </summary>
    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var badRequest = new InvokeResponse { Status = StatusCodes.Status400BadRequest };
        if (turnContext.Activity.Name?.StartsWith("composeExtension/", StringComparison.Ordinal) == true && turnContext.Activity.Value is not JObject)
        {
            return badRequest;
        }

        try
        {
            var response = await base.OnInvokeActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return response.Status == StatusCodes.Status501NotImplemented ? badRequest : response;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return badRequest;
        }
    }

    protected override Task<MessagingExtensionResponse> OnTeamsMessagingExtensionQueryAsync(ITurnContext<IInvokeActivity> turnContext, MessagingExtensionQuery query, CancellationToken cancellationToken)
    {
        // An unknown command (an older or newer manifest) gets a plain message, not an error the compose box hides.
        var response = string.Equals(query?.CommandId, FaqSearchExtension.CommandId, StringComparison.Ordinal)
            ? composeSearch.Answer(query!)
            : new MessagingExtensionResponse { ComposeExtension = new MessagingExtensionResult { Type = "message", Text = UnknownComposeCommand } };
        return Task.FromResult(response);
    }

    private async Task WelcomeOnceAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (await welcomed.GetAsync(turnContext, () => false, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await welcomed.SetAsync(turnContext, true, cancellationToken).ConfigureAwait(false);
        await turnContext.SendActivityAsync(cards.Help(), cancellationToken).ConfigureAwait(false);
    }
}
