using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace ImagingBot.Adapter;

/// <summary>
/// The Bot Framework authentication with two costs of every turn removed. The CloudAdapter builds a new
/// ConnectorClient and a new UserTokenClient for each incoming activity; each is an AutoRest client whose
/// constructor parses regular expressions and reads assembly attributes for its User-Agent (about 90 KB
/// and a few hundred microseconds each, most of a turn's cost; see docs/performance.md). Connector clients
/// are reused per app id, service URL and audience, as the older BotFrameworkAdapter did; the user-token
/// client is made only when a turn actually uses it (this bot has no sign-in). Authentication itself is
/// unchanged: every request is still validated by the wrapped instance.
/// </summary>
public sealed class ConnectorReusingAuthentication(BotFrameworkAuthentication inner) : BotFrameworkAuthentication
{
    // Service URLs are few (the channel's regional endpoints); the bound keeps forged ones on an anonymous
    // local bot from growing the cache.
    private const int MaxCachedClients = 64;
    private readonly ConcurrentDictionary<string, Lazy<Task<IConnectorClient>>> _clients = new(StringComparer.Ordinal);

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
        Reusing(await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false));

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        Reusing(await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken).ConfigureAwait(false));

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity)
    {
        ArgumentNullException.ThrowIfNull(claimsIdentity);
        return new ReusingConnectorFactory(inner.CreateConnectorFactory(claimsIdentity), IdentityKey(claimsIdentity), _clients);
    }

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        Task.FromResult<UserTokenClient>(new DeferredUserTokenClient(token => inner.CreateUserTokenClientAsync(claimsIdentity, token)));

    // The incoming turn's connector client comes from the factory in the authentication result.
    private AuthenticateRequestResult Reusing(AuthenticateRequestResult result)
    {
        if (result.ConnectorFactory is { } factory and not ReusingConnectorFactory)
        {
            result.ConnectorFactory = new ReusingConnectorFactory(factory, IdentityKey(result.ClaimsIdentity), _clients);
        }

        return result;
    }

    // The credentials a factory uses follow from these claims (none for an anonymous local bot).
    private static string IdentityKey(ClaimsIdentity? claimsIdentity) => string.Join(
        '|',
        new[] { AuthenticationConstants.AudienceClaim, AuthenticationConstants.AppIdClaim, AuthenticationConstants.AuthorizedParty }
            .Select(type => claimsIdentity?.FindFirst(type)?.Value));

    private sealed class ReusingConnectorFactory(ConnectorFactory factory, string identity, ConcurrentDictionary<string, Lazy<Task<IConnectorClient>>> clients) : ConnectorFactory
    {
        public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
        {
            var key = $"{identity}|{serviceUrl}|{audience}";
            if (!clients.TryGetValue(key, out var client))
            {
                if (clients.Count >= MaxCachedClients)
                {
                    return await factory.CreateAsync(serviceUrl, audience, cancellationToken).ConfigureAwait(false);
                }

                // Not bound to this request's cancellation: the client outlives the turn that made it.
                client = clients.GetOrAdd(key, _ => new Lazy<Task<IConnectorClient>>(() => CreateSharedAsync(serviceUrl, audience)));
            }

            try
            {
                return await client.Value.ConfigureAwait(false);
            }
            catch
            {
                clients.TryRemove(new KeyValuePair<string, Lazy<Task<IConnectorClient>>>(key, client));
                throw;
            }
        }

        private async Task<IConnectorClient> CreateSharedAsync(string serviceUrl, string audience) =>
            new SharedConnectorClient(await factory.CreateAsync(serviceUrl, audience, CancellationToken.None).ConfigureAwait(false));
    }
}
