using ImagingBot.Dialogs;
using ImagingBot.Dialogs.Consult;
using ImagingBot.Guidance;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Tests.Support;

/// <summary>
/// Minimal Adaptive Cards with the buttons of cards/question.template.json (submit data
/// <c>action</c>, <c>questionId</c>, <c>consultId</c>, <c>value</c>), for the stand-in bot.
/// </summary>
internal sealed class WireConsultCards : IConsultCards
{
    public IMessageActivity Question(IntakeQuestion question, string stepId, PromptContext<ConsultAnswers> prompt, int number, int total, bool offerQuickForm) =>
        Card(question.Prompt, prompt.ConsultId, stepId, "yes", "no");

    public IMessageActivity Contraindication(IReadOnlyList<ContraindicationOption> options, PromptContext<ConsultAnswers> prompt, int number, int total) =>
        Card("Can the patient have an MRI with IV contrast?", prompt.ConsultId, prompt.StepId, "none", "mri", "contrast");

    public IMessageActivity CaseConfirmation(IReadOnlyList<string> understood, PromptContext<ConsultAnswers> prompt) =>
        Card("I understood: " + string.Join("; ", understood), prompt.ConsultId, prompt.StepId, "yes", "no");

    public IMessageActivity QuickForm(PromptContext<ConsultAnswers> prompt) => MessageFactory.Text("quick form");

    public IMessageActivity Recommendation(Recommendation recommendation, string consultId) =>
        MessageFactory.Attachment(AdaptiveCard(new JArray(
            new JObject { ["type"] = "TextBlock", ["text"] = $"{recommendation.Urgency}: {recommendation.Recommended?.Name ?? "no imaging"}" }),
            new JArray(new JObject { ["type"] = "Action.Submit", ["title"] = "Change an answer", ["data"] = new JObject { ["action"] = "change", ["consultId"] = consultId } })));

    public IMessageActivity Help() => MessageFactory.Text("help");

    public IMessageActivity FaqAnswer(FaqEntry entry) =>
        MessageFactory.Attachment(AdaptiveCard(new JArray(new JObject { ["type"] = "TextBlock", ["text"] = entry.Question }, new JObject { ["type"] = "TextBlock", ["text"] = entry.Answer }), []));

    public IMessageActivity FaqList() => MessageFactory.Text("faq list");

    public IMessageActivity NotUnderstood(IReadOnlyList<FaqEntry> suggestions) => MessageFactory.Text("not understood");

    public Attachment FaqAnswerAttachment(FaqEntry entry) => AdaptiveCard(new JArray(new JObject { ["type"] = "TextBlock", ["text"] = entry.Answer }), []);

    private static IMessageActivity Card(string prompt, string consultId, string questionId, params string[] values) =>
        MessageFactory.Attachment(AdaptiveCard(
            new JArray(new JObject { ["type"] = "TextBlock", ["text"] = prompt }),
            new JArray(values.Select(value => new JObject
            {
                ["type"] = "Action.Submit",
                ["title"] = value,
                ["data"] = new JObject { [CardSubmit.ActionKey] = "answer", [CardSubmit.QuestionIdKey] = questionId, [CardSubmit.ConsultIdKey] = consultId, [CardSubmit.AnswerKey] = value },
            }))));

    private static Attachment AdaptiveCard(JArray body, JArray actions) => new()
    {
        ContentType = "application/vnd.microsoft.card.adaptive",
        Content = new JObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = body, ["actions"] = actions },
    };
}
