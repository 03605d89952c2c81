using ImagingBot.Guidance;

namespace ImagingBot.Cards;

/// <summary>The data of cards/welcome.template.json (shape: cards/welcome.data.json, welcome.help.data.json).</summary>
public sealed record WelcomeCardData(
    string Heading,
    int QuestionCount,
    IReadOnlyList<WelcomeCardData.CommandHelp> Commands,
    string ExampleCase,
    CardSource Source)
{
    public sealed record CommandHelp(string Command, string Meaning);

    private static readonly CommandHelp[] KnownCommands =
    [
        new("start", "Begin a new consult (new works too)"),
        new("help", "Show this card again"),
        new("faq", "Common questions about this imaging"),
    ];

    public static WelcomeCardData Help(GuidanceDocument guidance)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        return new WelcomeCardData(
            "Imaging for low back pain with red flags",
            guidance.Questions.Count(q => q.Id != IntakeQuestionId.Contraindication),
            KnownCommands,
            "58 y, breast cancer in remission, night pain, fevers, no weakness",
            CardSource.From(guidance.Source, CardText.WithoutFinalPeriod(guidance.Source.Variant)));
    }
}
