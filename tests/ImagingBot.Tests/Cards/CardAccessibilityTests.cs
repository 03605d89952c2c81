using ImagingBot.Guidance;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Tests.Cards;

/// <summary>
/// A lint over every card the bot sends (every kind, on every channel flavour, and what a clicked card becomes) for a
/// clinician who uses a screen reader, a phone, a high-contrast theme or cannot tell colours apart: every input has a
/// label, every image a text alternative, every card something to say aloud (the recommendation its advice), every
/// rating its category in words, and no colour or container style carries a meaning its words do not say.
/// </summary>
public sealed class CardAccessibilityTests(ConsultCardsFixture fixture) : IClassFixture<ConsultCardsFixture>
{
    /// <summary>What each semantic colour means, and the words one of which must say it wherever the colour is used.</summary>
    private static readonly Dictionary<string, string[]> MeaningOfColour = new(StringComparer.OrdinalIgnoreCase)
    {
        ["attention"] = ["emergency"],
        ["warning"] = ["caution", "warning"],
        ["good"] = ["order first", "first-line options"],
    };

    public static TheoryData<string> EveryCardName() => [.. new ConsultCardsFixture().EveryCard().Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(EveryCardName))]
    public void Every_input_has_a_label_and_every_choice_a_title(string cardName)
    {
        var card = Card(cardName);

        foreach (var input in Elements(card).Where(e => ((string?)e["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true))
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)input["label"]), $"{cardName}: input {input["id"]} has no label");
            if ((bool?)input["isRequired"] == true)
            {
                Assert.False(string.IsNullOrWhiteSpace((string?)input["errorMessage"]), $"{cardName}: required input {input["id"]} says no error");
            }

            foreach (var choice in input["choices"] as JArray ?? [])
            {
                Assert.False(string.IsNullOrWhiteSpace((string?)choice["title"]), $"{cardName}: a choice of {input["id"]} has no title");
            }
        }
    }

    [Theory]
    [MemberData(nameof(EveryCardName))]
    public void Every_image_has_alternative_text_and_every_action_a_title(string cardName)
    {
        var card = Card(cardName);

        foreach (var image in Elements(card).Where(e => (string?)e["type"] is "Image" || e["backgroundImage"] is not null))
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)image["altText"]), $"{cardName}: an image without altText: {image}");
        }

        foreach (var action in Elements(card).Where(e => ((string?)e["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true))
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)action["title"]), $"{cardName}: an action a screen reader cannot name: {action}");
        }
    }

    [Theory]
    [MemberData(nameof(EveryCardName))]
    public void Every_card_has_speak_and_fallback_text_and_the_recommendation_speaks_its_advice(string cardName)
    {
        var card = Card(cardName);

        Assert.False(string.IsNullOrWhiteSpace((string?)card["speak"]), $"{cardName}: no speak");
        Assert.False(string.IsNullOrWhiteSpace((string?)card["fallbackText"]), $"{cardName}: no fallbackText");
        if (cardName.StartsWith("recommendation.", StringComparison.Ordinal) || cardName.StartsWith("teams.recommendation.", StringComparison.Ordinal))
        {
            var recommendation = fixture.RecommendationFor(cardName.Replace("teams.", string.Empty, StringComparison.Ordinal));
            var speak = (string)card["speak"]!;
            Assert.Contains(recommendation.Headline.TrimEnd('.'), speak, StringComparison.Ordinal);
            Assert.Equal(recommendation.Urgency == Urgency.Emergent, speak.StartsWith("Emergency.", StringComparison.Ordinal));
            Assert.DoesNotContain("☢", speak, StringComparison.Ordinal);   // read aloud as symbols, not as words
        }
    }

    [Theory]
    [MemberData(nameof(EveryCardName))]
    public void Every_rating_shows_its_category_in_words(string cardName)
    {
        var labels = fixture.Guidance.Categories.Select(c => c.Label).OrderByDescending(label => label.Length).ToList();
        var ratingLines = ConsultCardsFixture.Texts(Card(cardName)).Where(text => text.Contains("Radiation ", StringComparison.Ordinal)).ToList();

        Assert.All(ratingLines, line => Assert.True(labels.Any(label => line.Contains(label + " · Radiation ", StringComparison.Ordinal)), $"{cardName}: \"{line}\" does not give an ACR category in words ({string.Join(", ", labels)}) before the radiation level"));
        if (cardName is "recommendation.v7" or "teams.recommendation.v7")
        {
            Assert.True(ratingLines.Count >= 5, $"{cardName}: the lint found too few ratings to read: {string.Join(" | ", ratingLines)}");
        }
    }

    [Theory]
    [MemberData(nameof(EveryCardName))]
    public void No_colour_or_style_carries_a_meaning_its_words_do_not_say(string cardName)
    {
        var card = Card(cardName);

        foreach (var element in Elements(card))
        {
            var colour = (string?)element["type"] == "TextBlock" ? (string?)element["color"] : (string?)element["style"];
            if (colour is null || !MeaningOfColour.TryGetValue(colour, out var words))
            {
                continue;
            }

            // The element's own words, or those of the container whose style gives the colour its meaning.
            var said = string.Join(" ", OwnTexts(element).Concat(StyledAncestorTexts(element, colour))).ToUpperInvariant();
            Assert.True(words.Any(word => said.Contains(word.ToUpperInvariant(), StringComparison.Ordinal)), $"{cardName}: {colour} on \"{string.Join(" ", OwnTexts(element))}\" with none of the words {string.Join(", ", words)}");
        }
    }

    [Fact]
    public void The_lint_reads_every_kind_of_card_on_both_flavours()
    {
        var names = fixture.EveryCard().Keys.ToList();

        Assert.Contains(names, name => name.StartsWith("teams.answered.", StringComparison.Ordinal));
        Assert.Contains(names, name => name.StartsWith("teams.closed.", StringComparison.Ordinal));
        Assert.Contains(names, name => name.StartsWith("teams.advice-changing.", StringComparison.Ordinal));
        Assert.Contains("teams.quickform", names);
        Assert.Contains("quickform", names);
        Assert.True(names.Count(name => name.StartsWith("teams.", StringComparison.Ordinal)) > 30, string.Join(", ", names));
    }

    private JObject Card(string cardName) => ConsultCardsFixture.CardOf(fixture.EveryCard()[cardName]);

    private static IEnumerable<JObject> Elements(JObject card) => card.DescendantsAndSelf().OfType<JObject>();

    private static IEnumerable<string> OwnTexts(JObject element) =>
        element.DescendantsAndSelf().OfType<JObject>().Where(e => (string?)e["type"] == "TextBlock").Select(e => (string?)e["text"] ?? string.Empty);

    private static IEnumerable<string> StyledAncestorTexts(JObject element, string colour) =>
        element.Ancestors().OfType<JObject>().Where(a => string.Equals((string?)a["style"], colour, StringComparison.OrdinalIgnoreCase)).SelectMany(OwnTexts);
}
