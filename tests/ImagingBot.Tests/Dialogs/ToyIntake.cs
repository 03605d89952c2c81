using ImagingBot.Dialogs;
using ImagingBot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Tests.Dialogs;

/// <summary>Three yes/no questions; the third (steroids) is skipped when there is no fever.</summary>
internal sealed record ToyAnswers(bool? Fever = null, bool? Cancer = null, bool? Steroids = null);

/// <summary>
/// A toy bot around the waterfall, as the consult will use it: commands first, then the waterfall,
/// then "outside a consult" handling, and the state saved at the end of every turn.
/// </summary>
internal sealed class ToyIntakeBot : IBot
{
    public const string QuickFormId = "quick";
    public const string HelpText = "Help: answer each question with yes or no.";
    public const string CancelledText = "Consult cancelled.";
    public const string NoConsultText = "No consult is open. Say start.";
    public const string NotReopenedText = "That consult is not the open one.";
    public const string QuickFormOfferText = "Or answer everything at once with the quick form.";

    private readonly ChangeTrackedConversationState conversationState;
    private readonly Waterfall<ToyAnswers> waterfall;

    public ToyIntakeBot(IStorage storage, Func<string>? newConsultId = null, int missesBeforeQuickForm = 2)
    {
        conversationState = new ChangeTrackedConversationState(storage);
        var options = newConsultId is null
            ? new WaterfallOptions { MissesBeforeQuickForm = missesBeforeQuickForm }
            : new WaterfallOptions { NewConsultId = newConsultId, MissesBeforeQuickForm = missesBeforeQuickForm };
        waterfall = new Waterfall<ToyAnswers>(conversationState.CreateProperty<WaterfallState<ToyAnswers>>("intake"), Steps, options)
        {
            OnCompleted = (turn, consult, cancellationToken) =>
                turn.SendActivityAsync(MessageFactory.Text(Summary(consult.Answers)), cancellationToken),
            OnInterruption = InterruptAsync,
            QuickFormOffer = prompt => Card(QuickFormOfferText, prompt.ConsultId, questionId: null),
            Forms =
            [
                new WaterfallForm<ToyAnswers>
                {
                    Id = QuickFormId,
                    Apply = (message, answers) =>
                    {
                        var data = (JObject)message.Value;
                        var fever = YesNoRecognizer.Recognize((string?)data["fever"]);
                        var cancer = YesNoRecognizer.Recognize((string?)data["cancer"]);
                        var steroids = YesNoRecognizer.Recognize((string?)data["steroids"]);
                        return fever is null || cancer is null ? null : answers with { Fever = fever, Cancer = cancer, Steroids = steroids };
                    },
                },
            ],
        };
    }

    public static IReadOnlyList<WaterfallStep<ToyAnswers>> Steps { get; } =
    [
        YesNo("fever", "Has the patient had a fever?", answers => answers.Fever, (answers, value) => answers with { Fever = value }),
        YesNo("cancer", "Any history of cancer?", answers => answers.Cancer, (answers, value) => answers with { Cancer = value }),
        YesNo("steroids", "Long-term steroids?", answers => answers.Steroids, (answers, value) => answers with { Steroids = value },
            appliesWhen: answers => answers.Fever != false),
    ];

    public static string Summary(ToyAnswers answers) =>
        $"Done: fever={Word(answers.Fever)}, cancer={Word(answers.Cancer)}, steroids={Word(answers.Steroids)}";

    public static string Reprompt(string question, bool offerQuickForm = false) =>
        "Sorry, please answer yes or no. " + question + (offerQuickForm ? " Or use the quick form." : string.Empty);

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var text = turnContext.Activity.Text?.Trim().ToLowerInvariant();
        if (text == "start")
        {
            await waterfall.BeginAsync(turnContext, new ToyAnswers(), cancellationToken);
        }
        else if (text == "cancel")
        {
            await waterfall.CancelAsync(turnContext, cancellationToken);
            await turnContext.SendActivityAsync(CancelledText, cancellationToken: cancellationToken);
        }
        else if (text?.StartsWith("change ", StringComparison.Ordinal) == true)
        {
            var keep = !text.EndsWith(" and after", StringComparison.Ordinal);
            var stepId = text["change ".Length..].Replace(" and after", string.Empty, StringComparison.Ordinal);
            await waterfall.GoBackAsync(turnContext, stepId, keep, cancellationToken);
        }
        else if (text?.StartsWith("reopen ", StringComparison.Ordinal) == true)
        {
            var prompt = await waterfall.ReopenAsync(turnContext, text["reopen ".Length..], cancellationToken);
            await turnContext.SendActivityAsync(prompt is null ? NotReopenedText : $"Form for {prompt.ConsultId}/{prompt.StepId}: {Summary(prompt.Answers)}", cancellationToken: cancellationToken);
        }
        else
        {
            var result = await waterfall.ContinueAsync(turnContext, cancellationToken);
            if (result.Outcome == TurnOutcome.NotHandled)
            {
                await turnContext.SendActivityAsync(NoConsultText, cancellationToken: cancellationToken);
            }
        }

        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    private async Task<InterruptionOutcome> InterruptAsync(ITurnContext turn, WaterfallState<ToyAnswers> consult, CancellationToken cancellationToken)
    {
        switch (turn.Activity.Text?.Trim().ToLowerInvariant())
        {
            case "help":
                await turn.SendActivityAsync(HelpText, cancellationToken: cancellationToken);
                return InterruptionOutcome.Resume;
            case "start over":
                await waterfall.BeginAsync(turn, new ToyAnswers(), cancellationToken);
                return InterruptionOutcome.TakenOver;
            default:
                return InterruptionOutcome.None;
        }
    }

    private static WaterfallStep<ToyAnswers, bool> YesNo(
        string id, string question, Func<ToyAnswers, bool?> read, Func<ToyAnswers, bool?, ToyAnswers> write, Func<ToyAnswers, bool>? appliesWhen = null) =>
        new()
        {
            Id = id,
            AppliesWhen = appliesWhen ?? (_ => true),
            Prompt = prompt => Card(
                prompt.Reason == PromptReason.Reprompt ? Reprompt(question, prompt.OfferQuickForm) : question, prompt.ConsultId, id),
            Recognize = YesNoRecognizer.Recognize,
            Read = read,
            Write = write,
        };

    /// <summary>A question card as the consult sends it: the text plus Yes/No Action.Submit buttons.</summary>
    private static IMessageActivity Card(string text, string consultId, string? questionId)
    {
        JObject Submit(string title, string answer) => new()
        {
            ["type"] = "Action.Submit",
            ["title"] = title,
            ["data"] = questionId is null
                ? new JObject { ["action"] = QuickFormId, ["consultId"] = consultId }
                : new JObject { ["action"] = "answer", ["consultId"] = consultId, ["questionId"] = questionId, ["value"] = answer },
        };

        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = new JArray(new JObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true }),
            ["actions"] = new JArray(Submit("Yes", "yes"), Submit("No", "no")),
        };
        var message = MessageFactory.Attachment(new Attachment("application/vnd.microsoft.card.adaptive", content: card));
        message.Text = text;
        return message;
    }

    private static string Word(bool? answer) => answer switch
    {
        true => "yes",
        false => "no",
        null => "skipped",
    };
}
