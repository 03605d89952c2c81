using ImagingBot.Guidance;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Tests.Cards;

/// <summary>The recommendation card of each pathway, built from real decisions, read as a clinician would read it.</summary>
public sealed class RecommendationCardTests(ConsultCardsFixture fixture) : IClassFixture<ConsultCardsFixture>
{
    [Fact]
    public void The_articles_patient_gets_mri_without_and_with_contrast_with_its_rating_reasons_order_line_and_source()
    {
        var activity = fixture.RecommendationFor("red-flags-routine");
        var card = ConsultCardsFixture.CardOf(activity);
        var texts = Texts(card);

        Assert.Contains("MRI lumbar spine without and with IV contrast", texts);
        Assert.Contains("Usually Appropriate · Radiation 0 mSv", texts);
        Assert.Null(card.SelectToken("$.body[?(@.style == 'attention')]"));

        // Because: the two red flags the clinician answered yes.
        var because = Facts(card);
        Assert.Equal([("Suspicion of cancer", "Yes"), ("Suspicion of infection", "Yes")], because);

        Assert.Contains(texts, t => t.StartsWith("MRI lumbar spine without and with IV contrast. Indication: low back pain with red flags (history of or suspected cancer; fever or suspected infection). Evaluate for metastasis, discitis-osteomyelitis, epidural abscess.", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("Source: ACR Appropriateness Criteria: Low Back Pain, 2021 (", StringComparison.Ordinal) && t.EndsWith("Reviewed 2026-05-29.", StringComparison.Ordinal));
        Assert.Contains("Decision support only: it does not replace your clinical judgment.", texts);

        // The alternatives keep the data file's ratings and doses.
        Assert.Contains("CT lumbar spine with IV contrast", texts);
        Assert.Contains("Usually Not Appropriate · 1-10 mSv", texts);

        Assert.StartsWith("Order MRI lumbar spine without and with IV contrast (Usually Appropriate). Radiation 0 mSv. Because: history of cancer or suspected cancer; fever or suspected infection.", activity.Summary, StringComparison.Ordinal);
        Assert.Equal(activity.Summary, card.Value<string>("fallbackText"));
        Assert.Null(activity.Text);
    }

    [Fact]
    public void Deficits_with_a_red_flag_put_the_emergent_banner_and_the_escalation_on_top()
    {
        var card = ConsultCardsFixture.CardOf(fixture.RecommendationFor("red-flags-emergent"));

        var banner = Assert.Single(card["body"]!, e => e.Value<string>("style") == "attention");
        var bannerTexts = Texts(banner);
        Assert.StartsWith("Image now: order MRI lumbar spine without and with IV contrast (Usually Appropriate) as an emergency.", bannerTexts[0], StringComparison.Ordinal);
        Assert.Contains(bannerTexts, t => t.Contains("call the spine surgeon and the on-call radiologist", StringComparison.Ordinal));
        Assert.True(IndexOf(card, banner) < IndexOf(card, card.SelectToken("$.body[?(@.style == 'good')]")!), "the banner comes before the study");
        Assert.Contains(Texts(card), t => t.StartsWith("EMERGENT. MRI lumbar spine without and with IV contrast. Indication:", StringComparison.Ordinal));
    }

    [Fact]
    public void Cauda_equina_is_emergent_too()
    {
        var card = ConsultCardsFixture.CardOf(fixture.RecommendationFor("cauda-equina"));

        Assert.NotNull(card.SelectToken("$.body[?(@.style == 'attention')]"));
        Assert.Contains("MRI lumbar spine without and with IV contrast", Texts(card));
        Assert.Contains(("Neurologic deficits", "Yes"), Facts(card));
        Assert.Contains(("Suspicion of cancer", "No"), Facts(card));
    }

    [Fact]
    public void Mri_not_possible_recommends_ct_with_contrast_and_lists_no_mri()
    {
        var card = ConsultCardsFixture.CardOf(fixture.RecommendationFor("red-flags-mri-not-possible"));
        var texts = Texts(card);

        Assert.Contains("CT lumbar spine with IV contrast", texts);
        Assert.Contains("May Be Appropriate · Radiation 1-10 mSv", texts);
        Assert.DoesNotContain(texts, t => t.StartsWith("MRI", StringComparison.Ordinal));
        Assert.Contains(("MRI or contrast not possible", "MRI not possible"), Facts(card));
        Assert.Contains("Initial imaging · MRI not possible", texts);
    }

    [Fact]
    public void Contrast_not_possible_recommends_mri_without_contrast_and_warns_about_it()
    {
        var card = ConsultCardsFixture.CardOf(fixture.RecommendationFor("red-flags-contrast-not-possible"));
        var texts = Texts(card);

        Assert.Contains("MRI lumbar spine without IV contrast", texts);
        Assert.DoesNotContain("MRI lumbar spine without and with IV contrast", texts);
        Assert.NotNull(card.SelectToken("$.body[?(@.style == 'warning')]"));
    }

    [Fact]
    public void No_red_flags_recommends_no_study_and_says_what_would_change_that()
    {
        var card = ConsultCardsFixture.CardOf(fixture.RecommendationFor("no-red-flags"));
        var texts = Texts(card);

        Assert.Null(card.SelectToken("$.body[?(@.style == 'good')]"));
        Assert.DoesNotContain(texts, t => t.Contains("Indication", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.StartsWith("CT ", StringComparison.Ordinal) || t.StartsWith("MRI ", StringComparison.Ordinal));
        Assert.Contains("No imaging as a first step", texts);
        Assert.Contains("Image if this changes", texts);
        var fixtureRecommendation = fixture.Decision.Decide(ConsultCardsFixture.Cases["no-red-flags"]);
        Assert.NotEmpty(fixtureRecommendation.WhatWouldChange);
        Assert.All(fixtureRecommendation.WhatWouldChange, change => Assert.Contains("• " + change, texts));
    }

    [Theory]
    [MemberData(nameof(ConsultCardsFixture.CaseNames), MemberType = typeof(ConsultCardsFixture))]
    public void Every_rating_and_dose_on_the_card_is_the_decisions_own(string caseName)
    {
        var recommendation = fixture.Decision.Decide(ConsultCardsFixture.Cases[caseName]);
        var texts = Texts(ConsultCardsFixture.CardOf(fixture.Cards.Recommendation(recommendation, "c-1")));
        var rated = recommendation.Alternatives.Select(a => a.Procedure).Append(recommendation.Recommended).OfType<RatedProcedure>().ToList();

        // Any line naming a category must be one of the decision's (study, category) pairs; none is invented.
        var labels = fixture.Guidance.Categories.Select(c => c.Label).ToList();
        foreach (var line in texts.Where(t => labels.Any(l => t.StartsWith(l, StringComparison.Ordinal))))
        {
            Assert.Contains(rated, r => line == $"{r.CategoryLabel} · {r.Radiation.AdultDose}" || line == $"{r.CategoryLabel} · Radiation {r.Radiation.AdultDose}");
        }
    }

    [Theory]
    [MemberData(nameof(ConsultCardsFixture.CaseNames), MemberType = typeof(ConsultCardsFixture))]
    public void Every_button_carries_this_consults_id(string caseName)
    {
        var card = ConsultCardsFixture.CardOf(fixture.RecommendationFor(caseName));

        var submits = card.SelectTokens("$..[?(@.type == 'Action.Submit')]").ToList();
        Assert.Equal(["Change an answer", "New consult"], submits.Select(s => s.Value<string>("title")));
        Assert.Equal("change", submits[0]["data"]!.Value<string>("action"));
        Assert.Equal(ConsultCardsFixture.ConsultIdOf(caseName), submits[0]["data"]!.Value<string>("consultId"));
        Assert.All(card.SelectTokens("$..consultId"), id => Assert.Equal(ConsultCardsFixture.ConsultIdOf(caseName), id.Value<string>()));
    }

    private static List<string> Texts(JToken card) =>
        [.. card.SelectTokens("$..[?(@.type == 'TextBlock')].text").Select(t => t.Value<string>()!)];

    private static List<(string, string)> Facts(JToken card) =>
        [.. card.SelectTokens("$..facts[*]").Select(f => (f.Value<string>("title")!, f.Value<string>("value")!))];

    private static int IndexOf(JObject card, JToken element) => card["body"]!.Children().ToList().IndexOf(element);
}
