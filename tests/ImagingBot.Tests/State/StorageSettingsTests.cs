using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ImagingBot.Tests.State;

/// <summary>A wrong <c>Storage</c> setting stops start-up with a message naming the setting to fix.</summary>
public class StorageSettingsTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Theory]
    [InlineData("Storage:Provider", "Cosmos", "Setting 'Storage:Provider' is 'Cosmos'; allowed values are 'Memory', 'Redis'.")]
    [InlineData("Storage:Provider", "Redis", "'Storage:Redis:ConnectionString' is empty")]
    [InlineData("Storage:TimeToLive", "00:00:00", "Setting 'Storage:TimeToLive' must be a positive TimeSpan")]
    [InlineData("Storage:TimeToLive", "-01:00:00", "Setting 'Storage:TimeToLive' must be a positive TimeSpan")]
    [InlineData("Storage:TimeToLive", "a day", "Storage:TimeToLive")]
    public void A_wrong_storage_setting_stops_start_up_with_a_clear_message(string setting, string value, string expected)
    {
        using var misconfigured = factory.WithWebHostBuilder(host => host.UseSetting(setting, value));

        var failure = Record.Exception(() => misconfigured.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains(expected, AllMessages(failure), StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_Redis_connection_string_is_reported_without_repeating_it()
    {
        using var misconfigured = factory.WithWebHostBuilder(host => host
            .UseSetting("Storage:Provider", "Redis")
            .UseSetting("Storage:Redis:ConnectionString", "127.0.0.1:6379,password=secret-value,noSuchOption=1"));

        var failure = Record.Exception(() => misconfigured.CreateClient());

        Assert.NotNull(failure);
        var messages = AllMessages(failure);
        Assert.Contains("'Storage:Redis:ConnectionString' is not a valid", messages, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_provider_name_is_not_case_sensitive_and_Memory_is_the_default()
    {
        using var lowerCase = factory.WithWebHostBuilder(host => host.UseSetting("Storage:Provider", "memory"));
        using var client = lowerCase.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    private static string AllMessages(Exception exception)
    {
        var messages = new List<string>();
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message);
            if (current is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(AllMessages));
            }
        }

        return string.Join(Environment.NewLine, messages);
    }
}
