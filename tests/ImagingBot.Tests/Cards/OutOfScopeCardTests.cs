using ImagingBot.Consult;
using ImagingBot.Guidance;
using static ImagingBot.Tests.Cards.ConsultCardsFixture;

namespace ImagingBot.Tests.Cards;

/// <summary>A child or major trauma: said plainly, with where to look instead, and never an adult rating or dose.</summary>
public sealed class OutOfScopeCardTests(ConsultCardsFixture fixture) : IClassFixture<ConsultCardsFixture>
{
    [Theory]
    [MemberData(nameof(OutOfScopeCaseNames), MemberType = typeof(ConsultCardsFixture))]
    public void An_out_of_scope_card_says_why_and_where_to_look_and_shows_no_study_category_or_dose(string caseName)
    {
        var advice = Assert.IsType<OutOfScope>(fixture.AdviceFor(caseName));
        var activity = fixture.AdviceCard(caseName);
        var card = CardOf(activity);
        var texts = Texts(card);
        var everything = string.Join("\n", texts.Append(activity.Summary).Append(activity.Speak));

        Assert.Contains(advice.Headline, texts);
        Assert.Contains(advice.Explanation, texts);
        Assert.Contains("Where to look instead", texts);
        Assert.Contains(advice.SeeInstead, texts);
        Assert.All(fixture.Guidance.Categories, c => Assert.DoesNotContain(c.Label, everything, StringComparison.OrdinalIgnoreCase));
        Assert.All(fixture.Guidance.Procedures, p => Assert.DoesNotContain(p.Name, everything, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("mSv", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("☢", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("adult dose", everything, StringComparison.OrdinalIgnoreCase);

        var submit = Assert.Single(Submits(card));
        Assert.Equal("New consult", submit.Value<string>("title"));
        Assert.Equal("new", submit["data"]!.Value<string>("action"));
        Assert.Equal(advice.Emergency, card.SelectToken("$.body[?(@.style == 'attention')]") is not null);
    }

    [Fact]
    public void A_child_is_sent_to_acrs_back_pain_child_topic()
    {
        var advice = Assert.IsType<OutOfScope>(fixture.AdviceFor("out-of-scope.child"));

        Assert.Equal(OutOfScopeReason.Child, advice.Reason);
        Assert.Contains("Back Pain-Child", string.Join(" ", Texts(CardOf(fixture.AdviceCard("out-of-scope.child")))), StringComparison.Ordinal);
    }

    [Fact]
    public void Major_trauma_is_sent_to_the_spine_trauma_topic_or_the_emergency_department()
    {
        var advice = Assert.IsType<OutOfScope>(fixture.AdviceFor("out-of-scope.trauma"));
        var texts = string.Join(" ", Texts(CardOf(fixture.AdviceCard("out-of-scope.trauma"))));

        Assert.Equal(OutOfScopeReason.MajorTrauma, advice.Reason);
        Assert.True(
            texts.Contains("trauma", StringComparison.OrdinalIgnoreCase) && texts.Contains("emergency department", StringComparison.OrdinalIgnoreCase),
            "the trauma card names the spine trauma topic and the emergency department");
    }

    [Fact]
    public void An_emergency_sign_out_of_scope_is_never_hidden()
    {
        // Built directly: whichever way the decision routes a child with cauda equina signs, the card must show the
        // emergency when the advice carries one.
        var child = Assert.IsType<OutOfScope>(fixture.AdviceFor("out-of-scope.child"));
        var emergency = child with { Emergency = true, Escalation = ["Call the spine surgeon and the on-call radiologist now."] };

        var card = CardOf(fixture.Cards.Advice(new GiveAdvice(ConsultId, emergency)));

        var banner = card["body"]![0]!;
        Assert.Equal("attention", banner.Value<string>("style"));
        Assert.Contains("⚠ EMERGENCY", Texts(banner));
        Assert.Contains("• Call the spine surgeon and the on-call radiologist now.", Texts(banner));
    }
}
