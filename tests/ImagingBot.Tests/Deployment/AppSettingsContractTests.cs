using System.Text.Json.Nodes;

namespace ImagingBot.Tests.Deployment;

/// <summary>The web app's settings in the template and the settings the code reads cannot drift apart.</summary>
public sealed class AppSettingsContractTests
{
    private static readonly JsonNode Template =
        JsonNode.Parse(File.ReadAllText(RepositoryLayout.PathOf("deploymentTemplates", "azuredeploy.json")))!;

    private static List<string> WrittenNames() => Template["resources"]!.AsArray()
        .Where(resource => (string?)resource!["type"] == "Microsoft.Web/sites")
        .SelectMany(site => site!["properties"]!["siteConfig"]!["appSettings"]!.AsArray())
        .Select(setting => (string)setting!["name"]!)
        .ToList();

    [Fact]
    public void The_code_has_options_classes_to_compare_with()
    {
        // Guards the reflection itself: if it found nothing, the contract below would hold for any template.
        Assert.Contains(SettingsTheAppReads.OptionsTypes(), type => type.Name == "StorageOptions");
        Assert.Contains("Storage:Provider", SettingsTheAppReads.Bound());
    }

    [Fact]
    public void Every_setting_the_code_binds_is_set_by_the_template()
    {
        var written = WrittenNames().Select(SettingsTheAppReads.ConfigurationKey).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var missing = SettingsTheAppReads.Bound().Where(key => !written.Contains(key)).ToList();

        Assert.True(missing.Count == 0, $"azuredeploy.json does not set: {string.Join(", ", missing)} (environment form: ':' becomes '__').");
    }

    [Fact]
    public void Every_setting_the_template_writes_is_one_the_app_reads()
    {
        var known = SettingsTheAppReads.Known();

        var unknown = WrittenNames().Where(name => !known.Contains(SettingsTheAppReads.ConfigurationKey(name))).ToList();

        Assert.True(unknown.Count == 0, $"azuredeploy.json sets settings the app never reads: {string.Join(", ", unknown)}.");
    }

    [Fact]
    public void Each_setting_is_written_once_in_the_environment_form()
    {
        var names = WrittenNames();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        // Linux App Service cannot pass ':' in an environment variable name.
        Assert.All(names, name => Assert.DoesNotContain(':', name));
    }

    [Theory]
    [InlineData("Storage__Redis__ConnectionString", "Storage:Redis:ConnectionString")]
    [InlineData("Bot__AllowedTenantIds__0", "Bot:AllowedTenantIds")]
    [InlineData("MicrosoftAppId", "MicrosoftAppId")]
    [InlineData("CdsHooks__TrustedIssuers__0__JwksUrl", "CdsHooks:TrustedIssuers")]
    public void Environment_names_map_to_configuration_keys(string environmentName, string key) =>
        Assert.Equal(key, SettingsTheAppReads.ConfigurationKey(environmentName));
}
