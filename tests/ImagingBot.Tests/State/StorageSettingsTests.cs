using System.Net;
using ImagingBot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ImagingBot.Tests.State;

/// <summary>
/// A wrong <c>Storage</c> setting stops start-up with a message naming the setting to fix. The real app is
/// started as a process, configured through the environment as an operator would, and its output is read.
/// (WebApplicationFactory reports a failed start-up of a minimal-hosting app unreliably when other hosts
/// start in parallel: sometimes an ObjectDisposedException instead of the app's own exception.)
/// </summary>
public class StorageSettingsTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Theory]
    [InlineData("Storage__Provider", "Cosmos", "Setting 'Storage:Provider' is 'Cosmos'; allowed values are 'Memory', 'Redis'.")]
    [InlineData("Storage__Provider", "Redis", "'Storage:Redis:ConnectionString' is empty")]
    [InlineData("Storage__TimeToLive", "00:00:00", "Setting 'Storage:TimeToLive' must be a positive TimeSpan")]
    [InlineData("Storage__TimeToLive", "-01:00:00", "Setting 'Storage:TimeToLive' must be a positive TimeSpan")]
    [InlineData("Storage__TimeToLive", "a day", "Storage:TimeToLive")]
    public async Task A_wrong_storage_setting_stops_start_up_with_a_clear_message(string variable, string value, string expected)
    {
        var (exitCode, output) = await AppProcess.RunUntilExitAsync(new() { [variable] = value });

        Assert.NotEqual(0, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_Redis_connection_string_is_reported_without_repeating_it()
    {
        var (exitCode, output) = await AppProcess.RunUntilExitAsync(new()
        {
            ["Storage__Provider"] = "Redis",
            ["Storage__Redis__ConnectionString"] = "127.0.0.1:6379,password=secret-value,noSuchOption=1",
        });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("'Storage:Redis:ConnectionString' is not a valid", output, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_provider_name_is_not_case_sensitive_and_Memory_is_the_default()
    {
        using var lowerCase = factory.WithWebHostBuilder(host => host.UseSetting("Storage:Provider", "memory"));
        using var client = lowerCase.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }
}
