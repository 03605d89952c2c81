using System.Net;
using System.Text.Json.Nodes;
using ImagingBot.CdsHooks;
using ImagingBot.CdsHooks.Feedback;
using ImagingBot.Tests.State;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static ImagingBot.Tests.CdsHooks.FeedbackItems;
using static ImagingBot.Tests.CdsHooks.HookRequests;

namespace ImagingBot.Tests.CdsHooks;

/// <summary>
/// Feedback is counted, not stored: accepted and overridden cards by ACR variant and override reason, in the
/// configured store (Memory, and Redis shared by two instances), readable through <see cref="ICdsFeedbackCounts"/>.
/// </summary>
[Collection(SharedRedisDefinition.Name)]
public sealed class CdsFeedbackTests(WebApplicationFactory<Program> factory, SharedRedis redis) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string FeedbackPath = CdsHooksClient.OrderSelectPath + "/feedback";

    [Fact]
    public async Task Accepted_and_overridden_cards_are_counted_by_variant_and_reason_and_nothing_else_is_kept()
    {
        using var app = factory.Anonymous();
        using var client = app.CreateClient();
        var redFlagCard = await client.CardIdAsync(OrderSelect("72131", [$"{Icd10Cm}|M54.50", $"{Icd10Cm}|Z85.3"], BornYearsAgo(61)));
        var noRedFlagCard = await client.CardIdAsync(OrderSelect("72148", [$"{Icd10Cm}|M54.50"], BornYearsAgo(40)));
        var secondNoRedFlagCard = await client.CardIdAsync(OrderSelect("72148", [$"{Icd10Cm}|M54.50"], BornYearsAgo(40)));

        await client.SendFeedbackAsync([Accepted(redFlagCard), Overridden(noRedFlagCard, "after-optimal-management", "pt had PT for 10 weeks, Mrs Smith"), Overridden(secondNoRedFlagCard, "not-a-reason-we-offer")]);
        await client.SendFeedbackAsync([Overridden("an-unknown-card", "finding-not-coded")]);

        var snapshot = await app.Services.GetRequiredService<ICdsFeedbackCounts>().SnapshotAsync();
        Assert.Equal(
            [
                new CdsFeedbackCount(1, "overridden", "after-optimal-management", 1),
                new CdsFeedbackCount(1, "overridden", "other", 1),
                new CdsFeedbackCount(7, "accepted", null, 1),
                new CdsFeedbackCount(null, "overridden", "finding-not-coded", 1),
            ],
            snapshot.Counts);
        Assert.Equal((1, 3), (snapshot.Total("accepted"), snapshot.Total("overridden")));
    }

    [Fact]
    public async Task Two_instances_on_redis_count_into_one_tally()
    {
        var keyPrefix = SharedRedis.NewKeyPrefix();
        using var first = factory.Anonymous(redisEndpoint: redis.Endpoint, keyPrefix: keyPrefix);
        using var second = factory.Anonymous(redisEndpoint: redis.Endpoint, keyPrefix: keyPrefix);
        using var one = first.CreateClient();
        using var two = second.CreateClient();
        var card = await one.CardIdAsync(OrderSelect("72158", [$"{Icd10Cm}|M54.50", $"{Icd10Cm}|G83.4"], BornYearsAgo(45)));

        await Task.WhenAll(
            Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? one : two).SendFeedbackAsync([Accepted(card)])));

        var counts = await second.Services.GetRequiredService<ICdsFeedbackCounts>().SnapshotAsync();
        Assert.Equal([new CdsFeedbackCount(4, "accepted", null, 8)], counts.Counts);
    }

    [Theory]
    [InlineData("{}", "non-empty 'feedback' list")]
    [InlineData("{\"feedback\":[{\"outcome\":\"accepted\"}]}", "needs the 'card' uuid")]
    [InlineData("{\"feedback\":[{\"card\":\"x\",\"outcome\":\"ignored\"}]}", "'outcome' must be 'accepted' or 'overridden'")]
    [InlineData("{\"feedback\":", "not a valid CDS Hooks JSON request")]
    public async Task Malformed_feedback_gets_400_and_counts_nothing(string body, string message)
    {
        using var app = factory.Anonymous();
        using var client = app.CreateClient();

        using var response = await client.PostAsync(FeedbackPath, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await app.Services.GetRequiredService<ICdsFeedbackCounts>().SnapshotAsync()).Counts);
    }

    [Fact]
    public async Task Feedback_over_the_size_limit_gets_413_and_counts_nothing()
    {
        using var app = factory.Anonymous();
        using var client = app.CreateClient();
        var limit = app.Services.GetRequiredService<IOptions<CdsHooksOptions>>().Value.MaxRequestBodyBytes;

        using var response = await client.PostAsync(FeedbackPath, $"{{\"feedback\":[],\"pad\":\"{new string('x', (int)limit)}\"}}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains($"larger than {limit} bytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await app.Services.GetRequiredService<ICdsFeedbackCounts>().SnapshotAsync()).Counts);
    }
}
