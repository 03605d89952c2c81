namespace ImagingBot.Tests.State;

/// <summary>
/// The Redis the tests share: the one scripts/test.sh started (IMAGINGBOT_TEST_REDIS), or else one this
/// fixture starts itself, so plain <c>dotnet test</c> works too. Without either the tests fail, never skip.
/// Tests isolate themselves with their own key prefix.
/// </summary>
public sealed class SharedRedis : IAsyncLifetime
{
    public const string EnvironmentVariable = "IMAGINGBOT_TEST_REDIS";

    private RedisServer? _ownServer;

    public string Endpoint { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            Endpoint = given;
            return;
        }

        _ownServer = await RedisServer.StartAsync();
        Endpoint = _ownServer.Endpoint;
    }

    public async Task DisposeAsync()
    {
        if (_ownServer is not null)
        {
            await _ownServer.DisposeAsync();
        }
    }

    public static string NewKeyPrefix() => "imagingbot-test-" + Guid.NewGuid().ToString("N");
}

[CollectionDefinition(Name)]
public sealed class SharedRedisDefinition : ICollectionFixture<SharedRedis>
{
    public const string Name = "Shared Redis";
}
