using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingBot.Tests.Support;

/// <summary>The real app (Program) as an "instance": on Redis or Memory, with its logs captured, running consults.</summary>
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

            host.ConfigureTestServices(collection =>
            {
                // Until the consult is wired into the app's own bot class, the real ConsultDialog runs in a stand-in bot.
                collection.AddTransient<IBot, StandInConsultBot>();
                services?.Invoke(collection);
            });
        });
}
