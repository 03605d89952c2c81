using ImagingBot.Telemetry;

namespace ImagingBot.Tests.Telemetry;

/// <summary>URLs as spans and logs show them: ids, queries, fragments and user info never pass.</summary>
public sealed class PhiFreeUrlTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/v3/conversations/a%3A1hD9xQ-user-conversation/activities/1700000000000", "https://smba.trafficmanager.net/amer/v3/conversations/{conversationId}/activities/{activityId}")]
    [InlineData("https://smba.trafficmanager.net/teams/v3/conversations/19%3Ameeting_abc%40thread.v2/activities", "https://smba.trafficmanager.net/teams/v3/conversations/{conversationId}/activities")]
    [InlineData("https://smba.trafficmanager.net/emea/7e4a47c1-5e1f-4b0a-9d3e-000000c1a55e/v3/conversations/a%3A1x/members/29%3A1user", "https://smba.trafficmanager.net/emea/{id}/v3/conversations/{conversationId}/members/{memberId}")]
    [InlineData("http://127.0.0.1:9/v3/conversations/conv1/activities/abc?token=secret#top", "http://127.0.0.1:9/v3/conversations/{conversationId}/activities/{activityId}")]
    [InlineData("https://login.microsoftonline.com/7e4a47c1-5e1f-4b0a-9d3e-000000c1a55e/oauth2/v2.0/token", "https://login.microsoftonline.com/{id}/oauth2/v2.0/token")]
    [InlineData("https://login.botframework.com/v1/.well-known/openidconfiguration", "https://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("https://user:password@example.org/api/messages?x=1", "https://example.org/api/messages")]
    [InlineData("https://example.org/", "https://example.org/")]
    public void A_URL_keeps_its_words_and_loses_its_ids(string url, string expected) =>
        Assert.Equal(expected, PhiFreeUrl.Of(new Uri(url)));

    [Theory]
    [InlineData("/api/messages", "/api/messages")]
    [InlineData("/cds-services/imagingbot-lumbar-imaging", "/cds-services/imagingbot-lumbar-imaging")]
    [InlineData("/patients/Patient%2F12345/notes", "/patients/{id}/notes")]
    [InlineData("/search/quokka%20back%20pain", "/search/{id}")]
    [InlineData("/users/8f6c2d1e9b", "/users/{id}")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void A_request_path_keeps_its_words_and_loses_its_ids(string? path, string expected) =>
        Assert.Equal(expected, PhiFreeUrl.Path(path));
}
