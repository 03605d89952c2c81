using ImagingBot.Guidance;

namespace ImagingBot.Dialogs.Consult;

/// <summary>
/// Reads the answer to "can this patient have an MRI with IV contrast?". A plain "no" is not enough
/// (no MRI, or no contrast?), so it is reprompted rather than guessed.
/// </summary>
public static class ContraindicationRecognizer
{
    private static readonly Dictionary<string, Contraindication> Words = new(StringComparer.Ordinal)
    {
        // The button values of cards/question.template.json.
        ["none"] = Contraindication.None,
        ["mri"] = Contraindication.MriNotPossible,
        ["contrast"] = Contraindication.ContrastNotPossible,

        // Typed answers.
        ["yes"] = Contraindication.None,
        ["no limit"] = Contraindication.None,
        ["no limits"] = Contraindication.None,
        ["mri not possible"] = Contraindication.MriNotPossible,
        ["no mri"] = Contraindication.MriNotPossible,
        ["contrast not possible"] = Contraindication.ContrastNotPossible,
        ["no contrast"] = Contraindication.ContrastNotPossible,
        ["no gadolinium"] = Contraindication.ContrastNotPossible,
    };

    public static Contraindication? Recognize(Microsoft.Bot.Schema.IMessageActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = CardSubmit.From(activity)?.Answer ?? activity.Text;
        var normalized = string.Join(' ', (text ?? string.Empty).ToLowerInvariant()
            .Split([' ', '.', '!', ',', '?', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return Words.TryGetValue(normalized, out var answer) ? answer : null;
    }
}
