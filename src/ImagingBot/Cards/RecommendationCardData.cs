using System.Text;
using ImagingBot.Guidance;

namespace ImagingBot.Cards;

/// <summary>
/// The data of cards/recommendation.template.json (shape: cards/recommendation.v7.data.json and the other samples),
/// one card shape for all seven variants, emergent or routine. Every study, category, radiation level, dose and
/// sentence comes from the <see cref="Recommendation"/>, which comes from the guidance data file: the card never
/// states a rating of its own.
/// </summary>
public sealed record RecommendationCardData(
    string ConsultId,
    RecommendationCardData.VariantHeader Variant,
    bool Emergent,
    string Headline,
    IReadOnlyList<string> Escalation,
    bool Imaging,
    string FirstLineHeading,
    IReadOnlyList<RecommendationCardData.FirstLineOption> FirstLine,
    string FirstLineNote,
    IReadOnlyList<RecommendationCardData.OtherStudy> IfMriNotPossible,
    IReadOnlyList<string> WhatWouldChange,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Because,
    string ReasonsHeading,
    IReadOnlyList<string> Reasons,
    string OrderIndication,
    string OrderCodes,
    IReadOnlyList<RecommendationCardData.OtherVariant> AlsoApplies,
    string AlternativesHeading,
    IReadOnlyList<RecommendationCardData.OtherStudy> Alternatives,
    IReadOnlyList<RecommendationCardData.AfterScanStep> AfterScan,
    IReadOnlyList<string> Pitfalls,
    IReadOnlyList<RecommendationCardData.Faq> Faqs,
    string Summary,
    string Speak,
    CardSource Source,
    bool UniversalActions,
    string Answers,
    string ClinicianId)
{
    public sealed record VariantHeader(int Number, string Title);

    /// <summary>A study as the card shows it: category in words, relative radiation level and its adult dose range.</summary>
    public sealed record StudyRating(string Study, string Category, string Radiation, string Dose);

    public sealed record FirstLineOption(string Study, string Category, string Radiation, string Dose, string Answers);

    /// <summary>An alternative, or a study for when MRI is not possible, with why it ranks lower.</summary>
    public sealed record OtherStudy(string Study, string Category, string Radiation, string Dose, string Why);

    /// <summary>Another variant that applies too; no first-line study means no imaging first there.</summary>
    public sealed record OtherVariant(int Variant, string Title, IReadOnlyList<StudyRating> FirstLine);

    public sealed record AfterScanStep(string Finding, string Next);

    public sealed record Faq(string Question, string Answer);

    /// <summary>Said when several first-line studies are equal, that is when the sources do not rank them.</summary>
    public const string EqualOptionsNote = "These are equal first-line options: choose by the question you need answered.";

    /// <summary>
    /// The adult dose range as the card shows it, after the words "adult dose": the data file may mark the range as
    /// the adult's itself ("0 mSv (adult)"), which the card would otherwise say twice.
    /// </summary>
    public static string DoseOf(RadiationLevel radiation)
    {
        ArgumentNullException.ThrowIfNull(radiation);
        const string AdultMark = "(adult)";
        var dose = radiation.AdultDose.Trim();
        return dose.EndsWith(AdultMark, StringComparison.OrdinalIgnoreCase) ? dose[..^AdultMark.Length].TrimEnd() : dose;
    }

    /// <param name="universalActions">
    /// Teams: "change an answer" is an Action.Execute and the card refreshes itself for <paramref name="clinicianId"/>
    /// from the answers it was decided from (<paramref name="answers"/>, <see cref="Consult.AnswerLine"/>).
    /// </param>
    public static RecommendationCardData From(Recommendation recommendation, string consultId, bool universalActions = false, string answers = "", string clinicianId = "")
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        ArgumentException.ThrowIfNullOrEmpty(consultId);
        var emergent = recommendation.Urgency == Urgency.Emergent;
        var imaging = recommendation.FirstLine.Count > 0;

        // A study already offered for "MRI is not possible" is not listed again among the alternatives.
        var ifMriNotPossible = recommendation.IfMriNotPossible.Select(a => a.Procedure.ProcedureId).ToHashSet(StringComparer.Ordinal);

        return new RecommendationCardData(
            consultId,
            new VariantHeader(recommendation.Variant, recommendation.VariantTitle),
            emergent,
            recommendation.Headline,
            recommendation.Escalation,
            imaging,
            HeadingOf(recommendation),
            [.. recommendation.FirstLine.Select(s => new FirstLineOption(s.Procedure.Name, s.Procedure.CategoryLabel, s.Procedure.Radiation.Symbol, DoseOf(s.Procedure.Radiation), s.Answers))],
            recommendation.RankingNote ?? (recommendation.FirstLine.Count > 1 ? EqualOptionsNote : string.Empty),
            [.. recommendation.IfMriNotPossible.Select(Other)],
            imaging ? [] : recommendation.WhatWouldChange,
            recommendation.Warnings,
            [.. recommendation.Because.Select(CardText.Sentence)],
            imaging ? "Why this first" : "Why no scan yet",
            recommendation.WhyFirstLine,
            recommendation.OrderIndication ?? string.Empty,
            CodesLine(recommendation.OrderCodes),
            [.. recommendation.AlsoApplies.Select(a => new OtherVariant(a.Variant, a.Title, [.. a.FirstLine.Select(Rating)]))],
            imaging ? "Alternatives, and why they rank lower" : "How ACR rates imaging here",
            [.. recommendation.Alternatives.Where(a => !ifMriNotPossible.Contains(a.Procedure.ProcedureId)).Select(Other)],
            [.. recommendation.AfterTheScan.Select(s => new AfterScanStep(s.Finding, s.Action))],
            recommendation.Pitfalls,
            [.. recommendation.RelatedFaq.Select(f => new Faq(f.Question, f.Answer))],
            Summarize(recommendation),
            Spoken(recommendation),
            CardSource.From(recommendation.Source, recommendation.ContentVersion),
            universalActions,
            answers,
            clinicianId);
    }

    /// <summary>The order's codes to paste, "CPT 72158; ICD-10-CM M54.50, D84.9"; empty when no imaging comes first.</summary>
    public static string CodesLine(OrderCodes? codes) =>
        codes is null
            ? string.Empty
            : $"CPT {codes.Procedure.Code}" + (codes.Diagnoses.Count == 0 ? string.Empty : $"; ICD-10-CM {string.Join(", ", codes.Diagnoses.Select(d => d.Code))}");

    /// <summary>
    /// One plain line for notifications, channels without cards and the fallback text: the urgency, the advice, the
    /// variant, the first-line studies with category and adult dose, and the findings it rests on.
    /// </summary>
    public static string Summarize(Recommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        var summary = new StringBuilder(512);
        if (recommendation.Urgency == Urgency.Emergent)
        {
            summary.Append("EMERGENCY. ");
        }

        summary.Append(CardText.WithFinalPeriod(recommendation.Headline))
            .Append(" Variant ").Append(recommendation.Variant).Append(": ").Append(CardText.WithFinalPeriod(recommendation.VariantTitle));
        if (recommendation.FirstLine.Count > 0)
        {
            summary.Append(" First line: ")
                .AppendJoin("; ", recommendation.FirstLine.Select(s => $"{s.Procedure.Name} ({s.Procedure.CategoryLabel}, adult dose {DoseOf(s.Procedure.Radiation)})"))
                .Append('.');
        }

        if (recommendation.Because.Count > 0)
        {
            summary.Append(" Because: ").AppendJoin("; ", recommendation.Because).Append('.');
        }

        return summary.ToString();
    }

    // Read aloud: no radiation symbols, no list of findings.
    private static string Spoken(Recommendation recommendation)
    {
        var speak = (recommendation.Urgency == Urgency.Emergent ? "Emergency. " : string.Empty) + CardText.WithFinalPeriod(recommendation.Headline);
        return recommendation.FirstLine.Count == 0
            ? speak
            : $"{speak} First line: {string.Join(", ", recommendation.FirstLine.Select(s => s.Procedure.Name))}.";
    }

    private static string HeadingOf(Recommendation recommendation) => recommendation switch
    {
        { FirstLine.Count: 0 } => string.Empty,
        { Contraindication: Contraindication.MriNotPossible } => "Order first, as MRI is not possible",
        { FirstLine.Count: 1 } => "Order first",
        { RankingNote: not null } => "Order first (in this order)",
        _ => "Equal first-line options: order one",
    };

    private static StudyRating Rating(RatedProcedure procedure) =>
        new(procedure.Name, procedure.CategoryLabel, procedure.Radiation.Symbol, DoseOf(procedure.Radiation));

    private static OtherStudy Other(Alternative alternative) =>
        new(alternative.Procedure.Name, alternative.Procedure.CategoryLabel, alternative.Procedure.Radiation.Symbol, DoseOf(alternative.Procedure.Radiation), alternative.WhyLower);
}
