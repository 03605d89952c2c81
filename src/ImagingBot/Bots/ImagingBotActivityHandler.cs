using ImagingBot.Dialogs;
using ImagingBot.Dialogs.Consult;
using ImagingBot.Guidance;
using ImagingBot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Bots;

/// <summary>
/// The Teams-facing bot: adapts Bot Framework activities to the consult, the FAQ and the commands.
/// Inside a consult every message goes to the consult first; what it does not take (and everything
/// outside a consult) is a command, a one-line case, or an FAQ question.
/// </summary>
public sealed class ImagingBotActivityHandler : TeamsActivityHandler
{
    public const string WelcomedPropertyName = "welcomed";

    public const string NothingToReadHint =
        "I can read typed text and the buttons on my cards, but not attachments or reactions. Type help to see what I can do.";

    public const string NoConsultToCancel = "There is no consult open. Type start to begin one.";

    public const string UnknownComposeCommand = "This search is not one ImagingBot knows. Update the app, or search the common questions instead.";

    private const string HelpWord = "help";

    private static readonly HashSet<string> QuestionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "what", "why", "how", "when", "which", "who", "where", "can", "could", "should", "is", "are", "does", "do", "will", "would", "must",
    };

    private readonly ChangeTrackedConversationState conversationState;
    private readonly IStatePropertyAccessor<bool> welcomed;
    private readonly ConsultDialog consult;
    private readonly FaqSearch faq;
    private readonly FaqSearchExtension composeSearch;
    private readonly IConsultCards cards;

    public ImagingBotActivityHandler(ChangeTrackedConversationState conversationState, ConsultDialog consult, FaqSearch faq, FaqSearchExtension composeSearch, IConsultCards cards)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        this.conversationState = conversationState;
        welcomed = conversationState.CreateProperty<bool>(WelcomedPropertyName);
        this.consult = consult;
        this.faq = faq;
        this.composeSearch = composeSearch;
        this.cards = cards;
    }

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        // Read the conversation first: if the store is down, the user hears so before anything else is said.
        await conversationState.LoadAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        // In group chats and channels Teams sends "<at>ImagingBot</at> start".
        var hadText = !string.IsNullOrWhiteSpace(turnContext.Activity.Text);
        BotMention.Remove(turnContext.Activity);
        var data = CardData(turnContext.Activity.Value);
        if (hadText && string.IsNullOrEmpty(turnContext.Activity.Text) && data is null)
        {
            // "@ImagingBot" and nothing else asks what the bot does: the same as help (inside a consult too).
            turnContext.Activity.Text = HelpWord;
        }

        var text = turnContext.Activity.Text?.Trim() ?? string.Empty;
        if (text.Length == 0 && data is null)
        {
            // An attachment or a reaction: nothing the bot can read.
            await turnContext.SendActivityAsync(MessageFactory.Text(NothingToReadHint), cancellationToken).ConfigureAwait(false);
            return;
        }

        var action = CardSubmit.Text(data, CardSubmit.ActionKey);
        if (action == ConsultDialog.ChangeAction)
        {
            await consult.ChangeAnswersAsync(turnContext, CardSubmit.Text(data, CardSubmit.ConsultIdKey), cancellationToken).ConfigureAwait(false);
            return;
        }

        var result = await consult.ContinueAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == TurnOutcome.NotHandled)
        {
            await AnswerOutsideConsultAsync(turnContext, text, data, action, cancellationToken).ConfigureAwait(false);
        }
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

    private async Task AnswerOutsideConsultAsync(ITurnContext turnContext, string text, JObject? data, string? action, CancellationToken cancellationToken)
    {
        if (action == ConsultDialog.FaqAction)
        {
            var entry = consult.FaqById(CardSubmit.Text(data, ConsultDialog.FaqIdKey));
            await turnContext.SendActivityAsync(entry is null ? cards.FaqList() : cards.FaqAnswer(entry), cancellationToken).ConfigureAwait(false);
            return;
        }

        var oneLineCase = string.Empty;
        var command = action is not null ? ConsultCommandRecognizer.FromAction(action) : ConsultCommandRecognizer.FromText(text, out oneLineCase);
        switch (command)
        {
            case ConsultCommand.Start:
                await consult.StartAsync(turnContext, oneLineCase, cancellationToken).ConfigureAwait(false);
                return;
            case ConsultCommand.Help:
                await turnContext.SendActivityAsync(cards.Help(), cancellationToken).ConfigureAwait(false);
                return;
            case ConsultCommand.FaqList:
                await turnContext.SendActivityAsync(cards.FaqList(), cancellationToken).ConfigureAwait(false);
                return;
            case ConsultCommand.Cancel:
                await turnContext.SendActivityAsync(MessageFactory.Text(NoConsultToCancel), cancellationToken).ConfigureAwait(false);
                return;
        }

        if (text.Length == 0)
        {
            // A button of ours that means nothing outside a consult (for example the quick-form button of a finished one).
            await turnContext.SendActivityAsync(cards.NotUnderstood([]), cancellationToken).ConfigureAwait(false);
            return;
        }

        var found = faq.Search(text);
        if (found.Best is { } best && LooksLikeAQuestion(text))
        {
            await turnContext.SendActivityAsync(cards.FaqAnswer(best.Entry), cancellationToken).ConfigureAwait(false);
            return;
        }

        // "58F, breast cancer in remission, fevers, no weakness": a consult with what it states, to confirm.
        if (CaseSummaryParser.Parse(text).Findings.Count > 0)
        {
            await consult.StartAsync(turnContext, text, cancellationToken).ConfigureAwait(false);
            return;
        }

        await turnContext.SendActivityAsync(
            found.Best is { } match ? cards.FaqAnswer(match.Entry) : cards.NotUnderstood(found.Suggestions),
            cancellationToken).ConfigureAwait(false);
    }

    // A question is answered from the FAQ even when it names a red flag ("can a normal CRP rule out infection?").
    private static bool LooksLikeAQuestion(string text) =>
        text.EndsWith('?')
        || QuestionWords.Contains(text.Split([' ', ',', '\t'], 2, StringSplitOptions.RemoveEmptyEntries)[0]);

    // Action.Submit data arrives as an object; some clients send it as a JSON string.
    private static JObject? CardData(object? value)
    {
        try
        {
            return value switch
            {
                null => null,
                JObject json => json,
                string text => JToken.Parse(text) as JObject,
                JToken => null,
                _ => JToken.FromObject(value) as JObject,
            };
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }
}
