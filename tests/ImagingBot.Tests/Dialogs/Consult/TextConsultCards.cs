using ImagingBot.Dialogs;
using ImagingBot.Dialogs.Consult;
using ImagingBot.Guidance;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ImagingBot.Tests.Dialogs.Consult;

/// <summary>Plain-text stand-ins for the templated cards until the templating engine is merged.</summary>
internal sealed class TextConsultCards : IConsultCards
{
    public IMessageActivity Question(IntakeQuestion question, string stepId, PromptContext<ConsultAnswers> prompt, int number, int total, bool offerQuickForm) =>
        MessageFactory.Text($"[{prompt.ConsultId}/{stepId}] {question.Prompt}");

    public IMessageActivity Contraindication(IReadOnlyList<ContraindicationOption> options, PromptContext<ConsultAnswers> prompt, int number, int total) =>
        MessageFactory.Text($"[{prompt.ConsultId}/{prompt.StepId}] MRI with contrast possible?");

    public IMessageActivity CaseConfirmation(IReadOnlyList<string> understood, PromptContext<ConsultAnswers> prompt) =>
        MessageFactory.Text($"[{prompt.ConsultId}/{prompt.StepId}] I understood: {string.Join("; ", understood)}. Right?");

    public IMessageActivity QuickForm(PromptContext<ConsultAnswers> prompt) =>
        MessageFactory.Text($"[{prompt.ConsultId}] quick form: {Answers(prompt.Answers)}");

    public IMessageActivity Recommendation(Recommendation recommendation, string consultId) =>
        MessageFactory.Text($"{recommendation.Urgency}: {recommendation.Recommended?.Name ?? "no imaging"} ({recommendation.Recommended?.CategoryLabel}) [{consultId}]"
            + string.Concat(recommendation.Escalation.Select(line => " Escalation: " + line)));

    public IMessageActivity Help() => MessageFactory.Text("help");

    public IMessageActivity FaqAnswer(FaqEntry entry) => MessageFactory.Text("faq: " + entry.Question);

    public IMessageActivity FaqList() => MessageFactory.Text("faq list");

    public IMessageActivity NotUnderstood(IReadOnlyList<FaqEntry> suggestions) =>
        MessageFactory.Text("not understood" + string.Concat(suggestions.Select(entry => "; " + entry.Question)));

    /// <summary>The answers a card would show pre-selected, e.g. "cancer=yes infection=yes immunosuppression=? neurologicDeficit=no contraindication=?".</summary>
    public static string Answers(ConsultAnswers answers) =>
        $"cancer={YesNo(answers.SuspectedCancer)} infection={YesNo(answers.SuspectedInfection)} immunosuppression={YesNo(answers.Immunosuppressed)} "
        + $"neurologicDeficit={YesNo(answers.NeurologicDeficits)} contraindication={answers.Contraindication?.ToString() ?? "?"}";

    private static string YesNo(bool? answer) => answer switch { true => "yes", false => "no", null => "?" };

    public Attachment FaqAnswerAttachment(FaqEntry entry) => new() { ContentType = "text/plain", Content = entry.Question };
}
