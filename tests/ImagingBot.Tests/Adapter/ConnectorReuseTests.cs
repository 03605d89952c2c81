using System.Net;
using System.Net.Http.Json;
using ImagingBot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingBot.Tests.Adapter;

/// <summary>
/// The CloudAdapter would build a new ConnectorClient and UserTokenClient for every activity (most of a turn's
/// cost, see docs/performance.md). Through the real HTTP endpoint: turns of the same channel share one connector
/// client, and the user-token client is not built unless a turn uses it.
/// </summary>
public class ConnectorReuseTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Turns_from_the_same_channel_share_one_connector_client()
    {
        var witness = new TurnWitness();
        using var client = WithBot(witness).CreateClient();

        foreach (var conversation in new[] { "reuse-1", "reuse-2", "reuse-1" })
        {
            using var response = await client.PostAsJsonAsync("/api/messages", EmulatorActivities.Message(conversation, "hi"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(3, witness.ConnectorClients.Count);
        Assert.All(witness.ConnectorClients, connector => Assert.Same(witness.ConnectorClients[0], connector));
        Assert.Equal(new Uri("http://127.0.0.1:9/"), witness.ConnectorClients[0].BaseUri);
    }

    [Fact]
    public async Task The_shared_connector_client_still_delivers_replies_after_earlier_turns_ended()
    {
        // The turn context disposes what it holds when a turn ends; the shared client must outlive that.
        await using var channel = await FakeChannel.StartAsync();
        using var client = factory.CreateClient();

        foreach (var text in new[] { "help", "faq", "help" })
        {
            var activity = EmulatorActivities.Message("reuse-delivery", text);
            activity.Remove("deliveryMode");
            activity["serviceUrl"] = channel.ServiceUrl.ToString();
            using var response = await client.PostAsJsonAsync("/api/messages", activity);
            Assert.True(response.IsSuccessStatusCode, $"turn '{text}': {(int)response.StatusCode}");
        }

        Assert.Equal(3, channel.Replies.Count);
    }

    [Fact]
    public async Task Every_turn_still_offers_a_user_token_client_for_sign_in()
    {
        var witness = new TurnWitness();
        using var client = WithBot(witness).CreateClient();

        using var response = await client.PostAsJsonAsync("/api/messages", EmulatorActivities.Message("reuse-token", "hi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(Assert.Single(witness.UserTokenClients));
    }

    private WebApplicationFactory<Program> WithBot(TurnWitness witness) =>
        factory.WithWebHostBuilder(host => host.ConfigureServices(services => services.AddSingleton<IBot>(witness)));

    private sealed class TurnWitness : IBot
    {
        public List<IConnectorClient> ConnectorClients { get; } = [];

        public List<UserTokenClient?> UserTokenClients { get; } = [];

        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            lock (ConnectorClients)
            {
                ConnectorClients.Add(turnContext.TurnState.Get<IConnectorClient>());
                UserTokenClients.Add(turnContext.TurnState.Get<UserTokenClient>());
            }

            return turnContext.SendActivityAsync("ok", cancellationToken: cancellationToken);
        }
    }
}
