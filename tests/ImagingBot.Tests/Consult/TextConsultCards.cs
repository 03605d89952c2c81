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
/// "Out of scope (Child) [c1]", "help", "faq list", "faq: question", "not understood; suggestion"; what a clicked card
/// becomes (Universal Actions): "[c1/caudaEquina] answered: No", "[c1] quick form sent", "[c1] advice changing: ...",
/// "closed: EarlierConsult". Cards a click can be answered with carry the same line as a one-TextBlock card, so that an
/// invoke's response reads the same.
/// </summary>
internal sealed class TextConsultCards : IConsultCards
{
    public const string QuickFormOffered = " (quick form offered)";

    public IMessageActivity Question(AskQuestion ask, CardAudience audience = default) =>
        Line($"[{ask.ConsultId}/{ask.Question.Key}] {ask.Question.Prompt}{(ask.OfferQuickForm ? QuickFormOffered : string.Empty)}");

    public IMessageActivity CaseConfirmation(ConfirmCase confirm, CardAudience audience = default) =>
        Line($"[{confirm.ConsultId}/{ConsultState.CaseStep}] I understood: {string.Join("; ", confirm.Understood)}. Right?");

    public IMessageActivity QuickForm(ShowQuickForm form, CardAudience audience = default) =>
        Line($"[{form.ConsultId}] quick form: {Answers(form.Questions, form.Answers)}");

    public IMessageActivity Record(CardRecord record, CardAudience audience = default) => Line(record switch
    {
        QuestionAnswered answered => $"[{answered.ConsultId}/{answered.Question.Key}] answered: {answered.Answer}{(answered.Repeat ? " (again)" : string.Empty)}",
        CaseAnswered answered => $"[{answered.ConsultId}/{ConsultState.CaseStep}] answered: {answered.Confirmed?.ToString() ?? "before"}",
        QuickFormSent sent => $"[{sent.ConsultId}] quick form sent{(sent.Repeat ? " (again)" : string.Empty)}: {Answers(sent.Questions, sent.Answers)}",
        AdviceChanged changed => $"[{changed.ConsultId}] advice {(changed.StillChanging ? "changing" : "replaced")}: {Describe(changed.Advice)}",
        CardClosed closed => $"closed: {closed.Reason}",
        _ => record.GetType().Name,
    });

    public IMessageActivity Advice(GiveAdvice advice, CardAudience audience = default) => Line(advice.Advice switch
    {
        Recommendation recommendation => Describe(recommendation) + $" [{advice.ConsultId}]"
            + string.Concat(recommendation.Escalation.Select(line => " Escalation: " + line)),
        OutOfScope outOfScope => $"Out of scope ({outOfScope.Reason}){(outOfScope.Emergency ? ", Emergent" : string.Empty)} [{advice.ConsultId}]"
            + string.Concat(outOfScope.Escalation.Select(line => " Escalation: " + line)),
        _ => $"advice {advice.Advice.GetType().Name} [{advice.ConsultId}]",
    });

    /// <summary>A line as a message's text, and as a one-TextBlock card (what an invoke response carries).</summary>
    private static Activity Line(string text)
    {
        var message = MessageFactory.Text(text);
        message.Attachments = [AdaptiveCardMessage.Attachment(new Newtonsoft.Json.Linq.JObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = new Newtonsoft.Json.Linq.JArray(new Newtonsoft.Json.Linq.JObject { ["type"] = "TextBlock", ["text"] = text }),
        }.ToString(Newtonsoft.Json.Formatting.None))];
        return message;
    }

    /// <summary>The line of a card in an invoke response (see <see cref="Line"/>).</summary>
    public static string LineOf(object? card) =>
        (string?)Newtonsoft.Json.Linq.JToken.Parse(card?.ToString() ?? "{}").SelectToken("body[0].text") ?? string.Empty;

    private static string Describe(Advice advice) => advice is Recommendation recommendation ? Describe(recommendation) : advice.GetType().Name;

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
