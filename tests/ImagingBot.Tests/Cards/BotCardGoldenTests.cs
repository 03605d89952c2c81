namespace ImagingBot.Tests.Cards;

/// <summary>
/// Every message the bot can send, as the channel receives it: the advice of each variant, emergency,
/// contraindication and out-of-scope case is compared with its checked-in golden (cards/golden/bot/, reviewed like
/// code), and all of them pass Microsoft's card checks within Teams' 28 KB.
/// Regenerate the goldens after a deliberate change, then review the diff:
/// <c>IMAGINGBOT_REGENERATE_GOLDENS=1 dotnet test tests/ImagingBot.Tests --filter FullyQualifiedName~BotCardGoldenTests</c>.
/// To look at every card, set <c>IMAGINGBOT_CARD_HTML_DIR=/tmp/cards</c>: the check also renders each card to HTML there
/// (then, for a phone-width picture: <c>chromium --headless --screenshot=x.png --window-size=400,2400 FILE.html</c>).
/// </summary>
[Collection(nameof(BotCardGoldenTests))]
public sealed class BotCardGoldenTests(ConsultCardsFixture fixture) : IClassFixture<ConsultCardsFixture>, IDisposable
{
    private const string RegenerateVariable = "IMAGINGBOT_REGENERATE_GOLDENS";

    /// <summary>Teams refuses a message over 28 KB; the largest card must stay clear of it.</summary>
    private const int TeamsMessageLimit = 28 * 1024;

    private readonly string _folder = Directory.CreateTempSubdirectory("bot-cards-").FullName;

    private static bool Regenerate => Environment.GetEnvironmentVariable(RegenerateVariable) == "1";

    [Theory]
    [MemberData(nameof(ConsultCardsFixture.CaseNames), MemberType = typeof(ConsultCardsFixture))]
    public void The_advice_of_each_case_matches_its_golden(string caseName)
    {
        var actual = ConsultCardsFixture.Serialize(fixture.AdviceCard(caseName));
        var golden = RepositoryLayout.PathOf("cards", "golden", "bot", $"{caseName}.json");
        if (Regenerate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllText(golden, actual);
        }

        Assert.True(File.Exists(golden), $"No golden {golden}: run with {RegenerateVariable}=1 and review the new file.");
        Assert.Equal(File.ReadAllText(golden), actual);
    }

    [Fact]
    public void Every_golden_belongs_to_a_case()
    {
        var goldens = Directory.EnumerateFiles(RepositoryLayout.PathOf("cards", "golden", "bot"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!);

        Assert.Equal(ConsultCardsFixture.Patients.Keys.Order(StringComparer.Ordinal), goldens.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_message_is_well_within_the_teams_limit()
    {
        foreach (var (name, activity) in fixture.EveryCard())
        {
            var bytes = ConsultCardsFixture.WireBytes(activity);
            Assert.True(bytes < TeamsMessageLimit, $"{name} is {bytes} bytes; Teams refuses messages over {TeamsMessageLimit}.");
        }
    }

    [Fact]
    public void Every_card_the_bot_sends_passes_teams_check_with_no_error_no_warning_and_at_most_28_kb()
    {
        var cards = fixture.EveryCard();
        var files = new List<string>();
        foreach (var (name, activity) in cards)
        {
            var file = Path.Combine(_folder, name + ".json");
            File.WriteAllText(file, ConsultCardsFixture.Serialize(activity));
            files.Add(file);
        }

        var htmlDir = Environment.GetEnvironmentVariable("IMAGINGBOT_CARD_HTML_DIR");
        string[] render = string.IsNullOrEmpty(htmlDir) ? [] : ["--html-dir", htmlDir];
        TeamsCardCheck.AssertEveryCardPasses(files, render);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
