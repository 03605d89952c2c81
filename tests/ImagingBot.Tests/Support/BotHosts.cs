using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingBot.Tests.Support;

/// <summary>The real app (Program, its own bot, consult and cards) as an "instance": on Redis or Memory, with its logs captured.</summary>
public static class BotHosts
{
    public static WebApplicationFactory<Program> Instance(
        this WebApplicationFactory<Program> factory,
        string? redisEndpoint,
        string? keyPrefix = null,
        CapturedLogs? logs = null,
        Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string>? settings = null) =>
        factory.WithWebHostBuilder(host =>
        {
            if (redisEndpoint is not null)
            {
                host.UseSetting("Storage:Provider", "Redis")
                    .UseSetting("Storage:Redis:ConnectionString", redisEndpoint)
                    .UseSetting("Storage:Redis:KeyPrefix", keyPrefix ?? State.SharedRedis.NewKeyPrefix());
            }

            foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            {
                host.UseSetting(name, value);
            }

            if (logs is not null)
            {
                host.ConfigureLogging(logs.AttachTo);
            }

            if (services is not null)
            {
                host.ConfigureTestServices(services);
            }
        });
}
