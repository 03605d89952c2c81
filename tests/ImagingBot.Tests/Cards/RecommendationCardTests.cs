using System.Text.RegularExpressions;
using ImagingBot.Cards;
using ImagingBot.Guidance;
using Newtonsoft.Json.Linq;
using static ImagingBot.Tests.Cards.ConsultCardsFixture;

namespace ImagingBot.Tests.Cards;

/// <summary>The recommendation card of each variant, built from real decisions, read as a clinician would read it.</summary>
public sealed partial class RecommendationCardTests(ConsultCardsFixture fixture) : IClassFixture<ConsultCardsFixture>
{
    [Fact]
    public void The_articles_patient_gets_mri_without_and_with_contrast_first_with_its_rating_radiation_order_line_and_source()
    {
        var recommendation = fixture.RecommendationFor("recommendation.v7");
        var activity = fixture.AdviceCard("recommendation.v7");
        var card = CardOf(activity);
        var texts = Texts(card);

        Assert.Equal(7, recommendation.Variant);
        Assert.Equal("MRI lumbar spine without and with IV contrast", recommendation.FirstLine[0].Procedure.Name);
        Assert.True(texts.IndexOf("MRI lumbar spine without and with IV contrast") < texts.IndexOf("MRI lumbar spine without IV contrast"), "the ranked study comes first");
        Assert.Contains("Usually Appropriate · Radiation O (adult dose 0 mSv)", texts);
        Assert.Contains(recommendation.RankingNote, texts);
        Assert.Contains("ACR variant 7", texts);
        Assert.Contains(recommendation.VariantTitle, texts);
        Assert.Null(card.SelectToken("$.body[?(@.style == 'attention')]"));
        Assert.All(recommendation.Because, finding => Assert.Contains("• " + CardTextSentence(finding), texts));
        Assert.Contains(recommendation.OrderIndication, texts);
        Assert.Contains("Decision support only: it does not replace your clinical judgment.", texts);

        Assert.Equal(card.Value<string>("fallbackText"), activity.Summary);
        Assert.StartsWith(RecommendationCardData.Summarize(recommendation), activity.Summary, StringComparison.Ordinal);
        Assert.EndsWith("Decision support only: it does not replace your clinical judgment.", activity.Summary, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(activity.Speak));
        Assert.DoesNotContain("☢", activity.Speak, StringComparison.Ordinal);
        Assert.Null(activity.Text);
    }

    [Theory]
    [InlineData("recommendation.v7", "Codes: CPT 72158; ICD-10-CM M54.50")]
    [InlineData("recommendation.v7-kidney", "Codes: CPT 72158; ICD-10-CM M54.50")]
    [InlineData("recommendation.v7-contrast-not-possible", "Codes: CPT 72148; ICD-10-CM M54.50, D84.9")]
    [InlineData("recommendation.v7-mri-not-possible", "Codes: CPT 72132; ICD-10-CM M54.50")]
    [InlineData("recommendation.v6", "Codes: CPT 72100; ICD-10-CM M54.50")]
    public void The_order_line_carries_the_studys_cpt_code_and_the_icd_10_cm_codes_to_paste(string caseName, string codes)
    {
        var recommendation = fixture.RecommendationFor(caseName);
        var card = CardOf(fixture.AdviceCard(caseName));

        Assert.Equal(codes, card.SelectToken("$..[?(@.id == 'orderCodes')].text")?.Value<string>());
        Assert.Equal(fixture.Guidance.Coding.OrderCode(recommendation.Recommended!.ProcedureId).Code, recommendation.OrderCodes!.Procedure.Code);
    }

    [Theory]
    [InlineData("recommendation.v1")]
    [InlineData("recommendation.v2")]
    public void No_imaging_first_has_no_codes_line(string caseName)
    {
        var card = CardOf(fixture.AdviceCard(caseName));

        Assert.Null(card.SelectToken("$..[?(@.id == 'orderCodes')]"));
        Assert.Null(fixture.RecommendationFor(caseName).OrderCodes);
    }

    [Theory]
    [MemberData(nameof(RecommendationCaseNames), MemberType = typeof(ConsultCardsFixture))]
    public void Every_category_radiation_level_and_dose_on_the_card_comes_from_the_guidance_data(string caseName)
    {
        var recommendation = fixture.RecommendationFor(caseName);
        var card = CardOf(fixture.AdviceCard(caseName));

        var shown = RatingLines(card, recommendation.Variant);

        var labels = fixture.Guidance.Categories.Select(c => c.Label).ToList();
        foreach (var (variant, study, category, radiation, dose) in shown)
        {
            var procedure = Assert.Single(fixture.Guidance.Procedures, p => p.Name == study);
            var rating = fixture.Guidance.Variant(variant).RatingOf(procedure.Id);
            Assert.True(rating is not null, $"{caseName}: {study} is shown for variant {variant}, which does not rate it.");
            Assert.Contains(category, labels);
            Assert.Equal(fixture.Guidance.LabelOf(rating.Rated.Category), category);
            Assert.Equal(procedure.Radiation.Symbol, radiation);
            Assert.Equal(RecommendationCardData.DoseOf(procedure.Radiation), dose);
            Assert.StartsWith(dose, procedure.Radiation.AdultDose, StringComparison.Ordinal);
        }

        // And every study the recommendation rates is shown with its rating: none is left without one.
        var expected = recommendation.FirstLine.Count
            + recommendation.IfMriNotPossible.Count
            + recommendation.Alternatives.Count(a => !recommendation.IfMriNotPossible.Any(m => m.Procedure.ProcedureId == a.Procedure.ProcedureId))
            + recommendation.AlsoApplies.Sum(a => a.FirstLine.Count);
        Assert.Equal(expected, shown.Count);
    }

    [Theory]
    [InlineData("recommendation.v4")]
    [InlineData("recommendation.v7-sepsis")]
    public void An_emergency_puts_the_banner_in_words_and_the_escalation_first_and_says_what_to_do_without_mri(string caseName)
    {
        var recommendation = fixture.RecommendationFor(caseName);
        var card = CardOf(fixture.AdviceCard(caseName));

        Assert.Equal(Urgency.Emergent, recommendation.Urgency);
        var banner = card["body"]![0]!;
        Assert.Equal("attention", banner.Value<string>("style"));
        var bannerTexts = Texts(banner);
        Assert.Equal("⚠ EMERGENCY", bannerTexts[0]);
        Assert.Contains(recommendation.Headline, bannerTexts);
        Assert.All(recommendation.Escalation, action => Assert.Contains("• " + action, bannerTexts));
        Assert.Contains(bannerTexts, t => t.Contains("spine surgeon", StringComparison.Ordinal) && t.Contains("on-call radiologist", StringComparison.Ordinal));
        Assert.StartsWith("EMERGENCY. ", fixture.AdviceCard(caseName).Summary, StringComparison.Ordinal);

        Assert.NotEmpty(recommendation.IfMriNotPossible);
        var texts = Texts(card);
        Assert.Contains("If MRI is not possible", texts);
        Assert.All(recommendation.IfMriNotPossible, a => Assert.Contains(a.Procedure.Name, texts));
    }

    [Fact]
    public void Cauda_equina_escalation_does_not_talk_about_sepsis()
    {
        // A clinical reviewer found the cauda equina card mentioning sepsis, which that patient was not said to have.
        var card = CardOf(fixture.AdviceCard("recommendation.v4"));

        Assert.DoesNotContain(Texts(card["body"]![0]!), t => t.Contains("sepsis", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("recommendation.v1")]
    [InlineData("recommendation.v2")]
    public void No_red_flags_recommends_no_study_and_says_what_would_change_that(string caseName)
    {
        var recommendation = fixture.RecommendationFor(caseName);
        var card = CardOf(fixture.AdviceCard(caseName));
        var texts = Texts(card);

        Assert.Empty(recommendation.FirstLine);
        Assert.Null(card.SelectToken("$.body[?(@.style == 'good')]"));
        Assert.DoesNotContain(texts, t => t.Contains("Indication", StringComparison.Ordinal));
        Assert.Contains(recommendation.Headline, texts);
        Assert.Contains("What would change the answer", texts);
        Assert.NotEmpty(recommendation.WhatWouldChange);
        Assert.All(recommendation.WhatWouldChange, change => Assert.Contains("• " + change, texts));
        Assert.Contains("Why no scan yet", texts);
    }

    [Fact]
    public void Several_unranked_first_line_studies_are_equal_options_each_with_the_question_it_answers()
    {
        var recommendation = fixture.RecommendationFor("recommendation.v5");
        var texts = Texts(CardOf(fixture.AdviceCard("recommendation.v5")));

        Assert.True(recommendation.FirstLine.Count > 1);
        Assert.Null(recommendation.RankingNote);
        Assert.Contains(RecommendationCardData.EqualOptionsNote, texts);
        Assert.All(recommendation.FirstLine, s =>
        {
            Assert.Contains(s.Procedure.Name, texts);
            Assert.Contains(s.Answers, texts);
        });
    }

    [Fact]
    public void Another_variant_that_applies_is_listed_with_its_own_first_line_studies()
    {
        var recommendation = fixture.RecommendationFor("recommendation.v5");
        var texts = Texts(CardOf(fixture.AdviceCard("recommendation.v5")));

        Assert.Equal(5, recommendation.Variant);
        Assert.NotEmpty(recommendation.AlsoApplies);
        Assert.Contains("Also applies", texts);
        foreach (var other in recommendation.AlsoApplies)
        {
            Assert.Contains($"Variant {other.Variant}: {other.Title}", texts);
            if (other.FirstLine.Count == 0)
            {
                Assert.Contains("No imaging as a first step.", texts);
            }

            Assert.All(other.FirstLine, s => Assert.Contains(texts, t => t.StartsWith($"• {s.Name}: {s.CategoryLabel} · ", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Mri_not_possible_offers_no_mri()
    {
        var recommendation = fixture.RecommendationFor("recommendation.v7-mri-not-possible");
        var card = CardOf(fixture.AdviceCard("recommendation.v7-mri-not-possible"));

        Assert.All(recommendation.FirstLine, s => Assert.DoesNotContain("MRI", s.Procedure.Name, StringComparison.Ordinal));
        Assert.DoesNotContain(Texts(card), t => t.StartsWith("MRI lumbar spine", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("recommendation.v7-contrast-not-possible")]
    [InlineData("recommendation.v7-kidney")]
    public void A_contrast_limit_is_warned_about_in_words(string caseName)
    {
        var recommendation = fixture.RecommendationFor(caseName);
        var card = CardOf(fixture.AdviceCard(caseName));

        Assert.NotEmpty(recommendation.Warnings);
        var warning = Assert.Single(card["body"]!, e => e.Value<string>("style") == "warning");
        Assert.All(recommendation.Warnings, w => Assert.Contains("⚠ Caution: " + w, Texts(warning)));
    }

    [Fact]
    public void Severe_kidney_disease_keeps_the_contrast_study_and_sends_the_question_to_the_radiologist()
    {
        var recommendation = fixture.RecommendationFor("recommendation.v7-kidney");

        Assert.Equal("MRI lumbar spine without and with IV contrast", recommendation.FirstLine[0].Procedure.Name);
        Assert.Contains(recommendation.Warnings, w => w.Contains("radiologist", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(RecommendationCaseNames), MemberType = typeof(ConsultCardsFixture))]
    public void The_source_names_acr_2021_and_labels_the_review_date_as_the_articles(string caseName)
    {
        var texts = Texts(CardOf(fixture.AdviceCard(caseName)));
        var source = fixture.Guidance.Source;

        var line = Assert.Single(texts, t => t.StartsWith("Source: ", StringComparison.Ordinal));
        Assert.Contains(source.Title, line, StringComparison.Ordinal);
        Assert.Contains("(2021)", line, StringComparison.Ordinal);
        Assert.Contains($"{source.ArticleTitle} (article reviewed {source.ArticleReviewedOn:yyyy-MM-dd})", line, StringComparison.Ordinal);
        Assert.Contains($"Content version {fixture.Guidance.ContentVersion}.", line, StringComparison.Ordinal);
        Assert.DoesNotContain(texts, t => t.Contains("Reviewed 20", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RecommendationCaseNames), MemberType = typeof(ConsultCardsFixture))]
    public void Every_button_carries_this_consults_id(string caseName)
    {
        var card = CardOf(fixture.AdviceCard(caseName));

        var submits = Submits(card);
        Assert.Equal(["Change an answer", "New consult"], submits.Select(s => s.Value<string>("title")));
        Assert.Equal("change", submits[0]["data"]!.Value<string>("action"));
        Assert.Equal("new", submits[1]["data"]!.Value<string>("action"));
        Assert.All(card.SelectTokens("$..consultId"), id => Assert.Equal(ConsultId, id.Value<string>()));
    }

    [Fact]
    public void Equal_answers_get_the_very_same_card()
    {
        var first = fixture.AdviceCard("recommendation.v6");
        var second = fixture.AdviceCard("recommendation.v6");

        Assert.Same(fixture.AdviceFor("recommendation.v6"), fixture.AdviceFor("recommendation.v6"));
        Assert.Equal(Serialize(first), Serialize(second));
    }

    /// <summary>
    /// Every "category · Radiation level (adult dose range)" line, with the study it belongs to and the variant that
    /// rates it: the card's own variant, or the "Also applies" variant whose block holds the line.
    /// </summary>
    internal static List<(int Variant, string Study, string Category, string Radiation, string Dose)> RatingLines(JObject card, int cardVariant)
    {
        var lines = new List<(int, string, string, string, string)>();
        var seen = new HashSet<JToken>();
        foreach (var block in card.SelectTokens("$..[?(@.type == 'Container')]").Where(c => c["items"]?.First?.Value<string>("text")?.StartsWith("Variant ", StringComparison.Ordinal) == true))
        {
            var variant = int.Parse(VariantNumber().Match(block["items"]!.First!.Value<string>("text")!).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            foreach (var text in block.SelectTokens("$..[?(@.type == 'TextBlock')]"))
            {
                seen.Add(text);
                if (AlsoAppliesRating().Match(text.Value<string>("text")!) is { Success: true } m)
                {
                    lines.Add((variant, m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value));
                }
            }
        }

        var blocks = card.SelectTokens("$..[?(@.type == 'TextBlock')]").Where(t => !seen.Contains(t)).ToList();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (Rating().Match(blocks[i].Value<string>("text")!) is { Success: true } m)
            {
                // The study's name is the block just above its rating.
                lines.Add((cardVariant, blocks[i - 1].Value<string>("text")!, m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value));
            }
        }

        return lines;
    }

    private static string CardTextSentence(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    [GeneratedRegex(@"^Variant (\d+): ")]
    private static partial Regex VariantNumber();

    [GeneratedRegex(@"^(.+) · Radiation (\S+) \(adult dose (.+)\)$")]
    private static partial Regex Rating();

    [GeneratedRegex(@"^• (.+): (.+) · Radiation (\S+) \(adult dose (.+)\)$")]
    private static partial Regex AlsoAppliesRating();
}
