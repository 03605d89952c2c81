namespace ImagingBot.LoadTest.Scenarios;

/// <summary>
/// A patient the virtual clinician consults about: the answer to each intake question and the study the
/// recommendation must name. The expected studies are the ACR facts (docs and issue 5), written here
/// independently of the bot's decision code.
/// </summary>
internal sealed record ConsultProfile(string Name, bool Cancer, bool Infection, bool Immunosuppressed, bool Deficits, string Contraindication, string ExpectedStudy)
{
    public static IReadOnlyList<ConsultProfile> All { get; } =
    [
        // The article's patient: breast cancer in remission, night pain, subjective fevers, no deficits.
        new("article patient", Cancer: true, Infection: true, Immunosuppressed: false, Deficits: false, "None", "MRI lumbar spine without and with IV contrast"),
        // An MRI-incompatible pacemaker.
        new("pacemaker", Cancer: true, Infection: false, Immunosuppressed: false, Deficits: false, "MriNotPossible", "CT lumbar spine with IV contrast"),
        // Gadolinium cannot be given.
        new("no gadolinium", Cancer: false, Infection: true, Immunosuppressed: true, Deficits: false, "ContrastNotPossible", "MRI lumbar spine without IV contrast"),
    ];

    /// <summary>
    /// The answer token for a question id as the cards carry it (for example "SuspectedCancer"), or null when the
    /// question is not one the bench knows.
    /// </summary>
    public IReadOnlyList<string>? AnswerFor(string questionId)
    {
        var id = Normalize(questionId);
        return id switch
        {
            _ when id.Contains("cancer", StringComparison.Ordinal) => YesNo(Cancer),
            _ when id.Contains("infection", StringComparison.Ordinal) => YesNo(Infection),
            _ when id.Contains("immuno", StringComparison.Ordinal) => YesNo(Immunosuppressed),
            _ when id.Contains("neuro", StringComparison.Ordinal) || id.Contains("deficit", StringComparison.Ordinal) => YesNo(Deficits),
            _ when id.Contains("contraindication", StringComparison.Ordinal) => Contraindication switch
            {
                "MriNotPossible" => ["mri", "mrinotpossible"],
                "ContrastNotPossible" => ["contrast", "contrastnotpossible"],
                _ => ["none"],
            },
            _ => null,
        };
    }

    public static string Normalize(string value)
    {
        Span<char> kept = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
        var length = 0;
        foreach (var c in value)
        {
            if (char.IsLetterOrDigit(c))
            {
                kept[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(kept[..length]);
    }

    private static string[] YesNo(bool answer) => answer ? ["yes", "true", "y"] : ["no", "false", "n"];
}
