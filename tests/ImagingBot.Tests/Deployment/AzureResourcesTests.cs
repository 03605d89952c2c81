using System.Text.Json.Nodes;

namespace ImagingBot.Tests.Deployment;

/// <summary>What the template asks Azure for: the facts Teams and the bot depend on.</summary>
public sealed class AzureResourcesTests
{
    private static readonly JsonNode Template =
        JsonNode.Parse(File.ReadAllText(RepositoryLayout.PathOf("deploymentTemplates", "azuredeploy.json")))!;

    private static JsonNode Resource(string type) =>
        Assert.Single(Template["resources"]!.AsArray(), resource => (string?)resource!["type"] == type)!;

    private static string Setting(string name) => (string)Resource("Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!
        .AsArray().Single(setting => (string?)setting!["name"] == name)!["value"]!;

    [Fact]
    public void The_web_app_is_a_Linux_dotnet_10_app_served_over_https_only_and_always_on()
    {
        var site = Resource("Microsoft.Web/sites");
        var siteConfig = site["properties"]!["siteConfig"]!;

        Assert.True((bool)Resource("Microsoft.Web/serverfarms")["properties"]!["reserved"]!);
        Assert.Equal("DOTNETCORE|10.0", (string?)siteConfig["linuxFxVersion"]);
        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        Assert.True((bool)siteConfig["alwaysOn"]!);
    }

    [Fact]
    public void The_bot_posts_to_the_web_apps_messages_endpoint_and_has_Teams_enabled()
    {
        var bot = Resource("Microsoft.BotService/botServices");
        var teams = Resource("Microsoft.BotService/botServices/channels");

        Assert.Contains("https://{0}/api/messages", (string?)bot["properties"]!["endpoint"], StringComparison.Ordinal);
        Assert.Contains("Microsoft.Web/sites", (string?)bot["properties"]!["endpoint"], StringComparison.Ordinal);
        Assert.Equal("[parameters('microsoftAppId')]", (string?)bot["properties"]!["msaAppId"]);
        Assert.Equal("[parameters('microsoftAppType')]", (string?)bot["properties"]!["msaAppType"]);
        Assert.Equal("MsTeamsChannel", (string?)teams["properties"]!["channelName"]);
        Assert.True((bool)teams["properties"]!["properties"]!["isEnabled"]!);
    }

    [Fact]
    public void The_bot_and_the_web_app_sign_in_with_the_same_app_registration()
    {
        Assert.Equal((string?)Resource("Microsoft.BotService/botServices")["properties"]!["msaAppId"], Setting("MicrosoftAppId"));
        Assert.Equal("[parameters('microsoftAppPassword')]", Setting("MicrosoftAppPassword"));
    }

    [Fact]
    public void The_optional_cache_is_reached_over_TLS_only()
    {
        var redis = Resource("Microsoft.Cache/redis");

        Assert.Equal("[parameters('deployRedis')]", (string?)redis["condition"]);
        Assert.False((bool)redis["properties"]!["enableNonSslPort"]!);
        var connectionString = Setting("Storage__Redis__ConnectionString");
        Assert.Contains(":6380,", connectionString, StringComparison.Ordinal);
        Assert.Contains("ssl=True,abortConnect=False", connectionString, StringComparison.Ordinal);
        Assert.Contains("listKeys(", connectionString, StringComparison.Ordinal);
    }
}
