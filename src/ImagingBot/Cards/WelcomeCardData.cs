using ImagingBot.Guidance;

namespace ImagingBot.Cards;

/// <summary>The data of cards/welcome.template.json (shape: cards/welcome.data.json, welcome.help.data.json).</summary>
public sealed record WelcomeCardData(
    string Heading,
    IReadOnlyList<WelcomeCardData.CommandHelp> Commands,
    string ExampleCase,
    CardSource Source)
{
    public sealed record CommandHelp(string Command, string Meaning);

    /// <summary>
    /// The example teaches what a useful one-line case looks like: the findings that are present (the article's
    /// patient). A list of negatives would teach clinicians to rule out red flags by omission.
    /// </summary>
    public const string TeachingCase = "start 58F, breast cancer in remission, night pain, subjective fevers";

    private static readonly CommandHelp[] KnownCommands =
    [
        new("start", "Begin a new consult (new works too)"),
        new("help", "Show this card again"),
        new("faq", "Common questions about this imaging"),
    ];

    public static WelcomeCardData Help(GuidanceDocument guidance)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        return new WelcomeCardData("Imaging for adult low back pain", KnownCommands, TeachingCase, CardSource.From(guidance.Source, guidance.ContentVersion));
    }
}
