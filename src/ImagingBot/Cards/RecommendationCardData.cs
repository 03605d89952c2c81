using ImagingBot.Guidance;

namespace ImagingBot.Cards;

/// <summary>
/// The data of cards/recommendation.template.json (shape: cards/recommendation.data.json). Every study, category,
/// dose and sentence comes from the <see cref="Recommendation"/>, which comes from the guidance data file: the card
/// never states a rating of its own.
/// </summary>
public sealed record RecommendationCardData(
    string ConsultId,
    RecommendationCardData.PathwayHeader Pathway,
    bool Emergent,
    RecommendationCardData.UrgencyBanner Urgency,
    bool Imaging,
    RecommendationCardData.RecommendedStudy? Recommended,
    RecommendationCardData.NoImagingAdvice? NoImaging,
    IReadOnlyList<RecommendationCardData.Fact> Because,
    string ReasonsHeading,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Escalation,
    IReadOnlyList<RecommendationCardData.AlternativeStudy> Alternatives,
    IReadOnlyList<RecommendationCardData.AfterScanStep> AfterScan,
    IReadOnlyList<string> Pitfalls,
    IReadOnlyList<RecommendationCardData.Faq> Faqs,
    string OrderIndication,
    string Summary,
    CardSource Source)
{
    public sealed record PathwayHeader(string Title, string Variant);

    public sealed record UrgencyBanner(string Headline, IReadOnlyList<string> Actions);

    public sealed record RecommendedStudy(string Study, string Category, string Radiation);

    public sealed record NoImagingAdvice(string Headline, string Instead, IReadOnlyList<string> WhatWouldChange);

    public sealed record Fact(string Question, string Answer);

    public sealed record AlternativeStudy(string Study, string Category, string Radiation, string WhyLower);

    public sealed record AfterScanStep(string Finding, string Next);

    public sealed record Faq(string Question, string Answer);

    private const string InitialImaging = "Initial imaging";

    /// <param name="because">The recommendation's findings as question/answer facts (see <see cref="BecauseFacts"/>).</param>
    public static RecommendationCardData From(Recommendation recommendation, string consultId, BecauseFacts because)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        ArgumentException.ThrowIfNullOrEmpty(consultId);
        ArgumentNullException.ThrowIfNull(because);
        var emergent = recommendation.Urgency == Guidance.Urgency.Emergent;
        var study = recommendation.Recommended;
        var contraindication = because.ContraindicationFinding(recommendation.Contraindication);
        var variant = contraindication is null ? InitialImaging : $"{InitialImaging} · {CardText.Sentence(contraindication)}";

        // When the imaging is emergent the escalation advice is what matters most, so it moves into the red banner.
        var banner = emergent ? new UrgencyBanner(recommendation.Headline, recommendation.Escalation) : new UrgencyBanner(string.Empty, []);
        IReadOnlyList<string> escalation = emergent ? [] : recommendation.Escalation;

        return new RecommendationCardData(
            consultId,
            new PathwayHeader(recommendation.PathwayTitle, variant),
            emergent,
            banner,
            study is not null,
            study is null ? null : new RecommendedStudy(study.Name, study.CategoryLabel, study.Radiation.AdultDose),
            study is null ? NoImagingFrom(recommendation) : null,
            [.. recommendation.Because.Select(because.For)],
            study is null ? "Why no scan yet" : "Why this first",
            recommendation.WhyThisStudy,
            recommendation.Warnings,
            escalation,
            // Without a study to order, the other studies are not alternatives; the reasons say none is a first step.
            study is null ? [] : [.. recommendation.Alternatives.Select(a => new AlternativeStudy(a.Procedure.Name, a.Procedure.CategoryLabel, a.Procedure.Radiation.AdultDose, a.WhyLower))],
            [.. recommendation.AfterTheScan.Select(s => new AfterScanStep(s.Finding, s.Action))],
            recommendation.Pitfalls,
            [.. recommendation.RelatedFaq.Select(f => new Faq(f.Question, f.Answer))],
            recommendation.OrderIndication ?? string.Empty,
            Summarize(recommendation),
            CardSource.From(recommendation.Source, SourceVariant(recommendation)));
    }

    /// <summary>One plain line for notifications, speech and channels without cards: the advice and its reasons.</summary>
    public static string Summarize(Recommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        var summary = recommendation.Headline;
        if (recommendation.Recommended is { } study)
        {
            summary += $" Radiation {study.Radiation.AdultDose}.";
        }

        return recommendation.Because.Count == 0 ? summary : $"{summary} Because: {string.Join("; ", recommendation.Because)}.";
    }

    private static NoImagingAdvice NoImagingFrom(Recommendation recommendation)
    {
        // The data file words the no-imaging headline as "what: what instead"; the card shows the two parts on two lines.
        var headline = recommendation.Headline;
        var colon = headline.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0
            ? new NoImagingAdvice(CardText.WithoutFinalPeriod(headline), string.Empty, recommendation.WhatWouldChange)
            : new NoImagingAdvice(headline[..colon], CardText.Sentence(headline[(colon + 2)..]), recommendation.WhatWouldChange);
    }

    // The source's variant is the red-flag one; the neighbouring scenarios are named by their pathway instead.
    private static string SourceVariant(Recommendation recommendation) =>
        recommendation.Pathway == Guidance.Pathway.RedFlagWorkup
            ? CardText.WithoutFinalPeriod(recommendation.Source.Variant)
            : recommendation.PathwayTitle;
}
