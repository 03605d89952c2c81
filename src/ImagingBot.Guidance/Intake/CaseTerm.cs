namespace ImagingBot.Guidance;

/// <summary>
/// A word or phrase that names a finding. <paramref name="SettlesWhenAbsent"/> says whether its stated absence
/// answers the question "no": "no fever" does, "no weight loss" does not (other cancer signs may still be there).
/// </summary>
internal sealed record CaseTerm(string Phrase, IntakeQuestionId Question, string Present, string Absent, bool SettlesWhenAbsent)
{
    public string[] Words { get; } = Phrase.Split(' ');
}
