using System.IO.Compression;
using System.Text.Json.Nodes;

namespace ImagingBot.Tests.TeamsPackage;

/// <summary>scripts/package-teams-app.sh, run as an admin would, and the zip it writes, read as Teams would.</summary>
public sealed class TeamsAppPackageTests : IDisposable
{
    private const string SampleAppId = "3f2b8c1e-7d4a-4e59-9b61-0c8d2e5fa417";
    private const string SampleDomain = "imagingbot-test.azurewebsites.net";

    private readonly string _workDirectory = Directory.CreateTempSubdirectory("imagingbot-teams-").FullName;

    public void Dispose() => Directory.Delete(_workDirectory, recursive: true);

    private static ProcessResult Package(params string[] arguments) => RepositoryLayout.Run(
        "bash",
        [RepositoryLayout.PathOf("scripts", "package-teams-app.sh"), .. arguments],
        new Dictionary<string, string> { ["TEAMS_CHECK"] = RepositoryLayout.TeamsCheck() });

    private string PackageSample()
    {
        var zipPath = Path.Combine(_workDirectory, "out", "imagingbot-teams.zip");
        var result = Package("--app-id", SampleAppId, "--domain", SampleDomain, "--out", zipPath);
        Assert.True(result.ExitCode == 0, $"packaging failed ({result.ExitCode}):\n{result.StandardError}\n{result.StandardOutput}");
        return zipPath;
    }

    [Fact]
    public void The_zip_holds_exactly_the_manifest_and_the_two_icons_at_its_root()
    {
        using var zip = ZipFile.OpenRead(PackageSample());

        var names = zip.Entries.Select(entry => entry.FullName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["color.png", "manifest.json", "outline.png"], names);
    }

    [Fact]
    public void The_manifest_carries_the_given_bot_id_and_domain_and_no_placeholder()
    {
        using var zip = ZipFile.OpenRead(PackageSample());
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var text = reader.ReadToEnd();
        var manifest = JsonNode.Parse(text)!;

        Assert.DoesNotContain("${{", text, StringComparison.Ordinal);
        Assert.Equal(SampleAppId, (string?)manifest["bots"]![0]!["botId"], ignoreCase: true);
        Assert.Equal(SampleAppId, (string?)manifest["composeExtensions"]![0]!["botId"], ignoreCase: true);
        Assert.Equal([SampleDomain], manifest["validDomains"]!.AsArray().Select(domain => (string?)domain));
        Assert.StartsWith($"https://{SampleDomain}/", (string?)manifest["developer"]!["privacyUrl"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_manifest_offers_the_bot_in_every_scope_and_one_FAQ_search_command()
    {
        using var zip = ZipFile.OpenRead(PackageSample());
        using var stream = zip.GetEntry("manifest.json")!.Open();
        var manifest = JsonNode.Parse(stream)!;

        var bot = manifest["bots"]![0]!;
        Assert.Equal(["groupChat", "personal", "team"], bot["scopes"]!.AsArray().Select(scope => (string?)scope).Order(StringComparer.Ordinal));
        foreach (var commandList in bot["commandLists"]!.AsArray())
        {
            var titles = commandList!["commands"]!.AsArray().Select(command => (string?)command!["title"]).ToList();
            Assert.Equal(["consult", "faq", "help"], titles.Order(StringComparer.Ordinal));
        }

        var search = Assert.Single(manifest["composeExtensions"]![0]!["commands"]!.AsArray())!;
        Assert.Equal("searchFaq", (string?)search["id"]);
        Assert.Equal("query", (string?)search["type"]);
        Assert.Equal("query", (string?)Assert.Single(search["parameters"]!.AsArray())!["name"]);
    }

    [Fact]
    public void Teams_check_finds_no_error_in_the_packaged_manifest()
    {
        var unpacked = Path.Combine(_workDirectory, "unpacked");
        ZipFile.ExtractToDirectory(PackageSample(), unpacked);

        var result = RepositoryLayout.Run("bash", [RepositoryLayout.TeamsCheck(), "manifest", Path.Combine(unpacked, "manifest.json")]);

        var report = JsonNode.Parse(result.StandardOutput.Trim().Split('\n')[^1])!;
        Assert.True(result.ExitCode == 0, $"teams-check manifest failed:\n{result.StandardOutput}\n{result.StandardError}");
        Assert.True((bool)report["ok"]!);
        Assert.Empty(report["errors"]!.AsArray());
        // Its warnings would name an icon missing beside the manifest or a compose extension on another bot.
        Assert.Empty(report["warnings"]!.AsArray());
    }

    [Theory]
    [InlineData("not-a-guid", SampleDomain, "is not a GUID")]
    [InlineData(SampleAppId, "https://imagingbot-test.azurewebsites.net/", "is not a host name")]
    [InlineData(SampleAppId, "localhost", "is not a host name")]
    public void Bad_input_is_refused_with_a_clear_message_and_writes_no_zip(string appId, string domain, string message)
    {
        var zipPath = Path.Combine(_workDirectory, "refused.zip");

        var result = Package("--app-id", appId, "--domain", domain, "--out", zipPath);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(zipPath));
    }

    [Fact]
    public void The_colour_icon_is_192_pixels_square_and_opaque()
    {
        var icon = PngImage.Read(RepositoryLayout.PathOf("appPackage", "color.png"));

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        Assert.All(icon.Pixels(), pixel => Assert.Equal(255, pixel.A));
    }

    [Fact]
    public void The_outline_icon_is_32_pixels_square_white_on_transparent()
    {
        var icon = PngImage.Read(RepositoryLayout.PathOf("appPackage", "outline.png"));

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.True(icon.HasAlphaChannel);
        Assert.Equal(0, icon.Pixel(0, 0).A);
        Assert.Contains(icon.Pixels(), pixel => pixel.A == 0);
        Assert.Contains(icon.Pixels(), pixel => pixel.A == 255);
        Assert.All(icon.Pixels().Where(pixel => pixel.A > 0), pixel => Assert.Equal((255, 255, 255), (pixel.R, pixel.G, pixel.B)));
    }
}
