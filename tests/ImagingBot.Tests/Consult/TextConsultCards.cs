using ImagingBot.Cards;
using ImagingBot.Consult;
using ImagingBot.Guidance;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ImagingBot.Tests.Consult;

/// <summary>
/// The consult's replies as one plain line each, so a conversation test reads like the consult and does not depend on
/// the cards' wording (that is the cards' own tests'): "[c1/caudaEquina] prompt", "[c1/case] I understood: a; b. Right?",
/// "[c1] quick form: caudaEquina=no sepsis=? ...", "Variant 6, Routine: study | study [c1]",
/// "Out of scope (Child) [c1]", "help", "faq list", "faq: question", "not understood; suggestion".
/// </summary>
internal sealed class TextConsultCards : IConsultCards
{
    public const string QuickFormOffered = " (quick form offered)";

    public IMessageActivity Question(AskQuestion ask) =>
        MessageFactory.Text($"[{ask.ConsultId}/{ask.Question.Key}] {ask.Question.Prompt}{(ask.OfferQuickForm ? QuickFormOffered : string.Empty)}");

    public IMessageActivity CaseConfirmation(ConfirmCase confirm) =>
        MessageFactory.Text($"[{confirm.ConsultId}/{ConsultState.CaseStep}] I understood: {string.Join("; ", confirm.Understood)}. Right?");

    public IMessageActivity QuickForm(ShowQuickForm form) =>
        MessageFactory.Text($"[{form.ConsultId}] quick form: {Answers(form.Questions, form.Answers)}");

    public IMessageActivity Advice(GiveAdvice advice) => MessageFactory.Text(advice.Advice switch
    {
        Recommendation recommendation => Describe(recommendation) + $" [{advice.ConsultId}]"
            + string.Concat(recommendation.Escalation.Select(line => " Escalation: " + line)),
        OutOfScope outOfScope => $"Out of scope ({outOfScope.Reason}){(outOfScope.Emergency ? ", Emergent" : string.Empty)} [{advice.ConsultId}]"
            + string.Concat(outOfScope.Escalation.Select(line => " Escalation: " + line)),
        _ => $"advice {advice.Advice.GetType().Name} [{advice.ConsultId}]",
    });

    public IMessageActivity Help() => MessageFactory.Text("help");

    public IMessageActivity FaqAnswer(FaqEntry entry) => MessageFactory.Text("faq: " + entry.Question);

    public IMessageActivity FaqList() => MessageFactory.Text("faq list");

    public IMessageActivity NotUnderstood(IReadOnlyList<FaqEntry> suggestions) =>
        MessageFactory.Text("not understood" + string.Concat(suggestions.Select(entry => "; " + entry.Question)));

    public Attachment FaqAnswerAttachment(FaqEntry entry) => new() { ContentType = "text/plain", Content = entry.Question };

    /// <summary>"Variant 7, Routine: MRI lumbar spine without and with IV contrast | MRI lumbar spine without IV contrast", or "..: no imaging".</summary>
    public static string Describe(Recommendation recommendation) =>
        $"Variant {recommendation.Variant}, {recommendation.Urgency}: "
        + (recommendation.FirstLine.Count == 0 ? "no imaging" : string.Join(" | ", recommendation.FirstLine.Select(study => study.Procedure.Name)));

    /// <summary>Each question's answer as a card would show it pre-selected: "caudaEquina=no sepsis=? age=adult ...".</summary>
    public static string Answers(IEnumerable<IntakeQuestion> questions, ClinicalAnswers answers) =>
        string.Join(" ", questions.Select(question => $"{question.Key}={answers.Value(question.Id) ?? "?"}"));
}
