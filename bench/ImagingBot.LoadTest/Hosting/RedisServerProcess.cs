using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace ImagingBot.LoadTest.Hosting;

/// <summary>
/// A throwaway redis-server on a free loopback port (no persistence), started for the run and shut down after.
/// </summary>
internal sealed class RedisServerProcess : IAsyncDisposable
{
    private RedisServerProcess(int port) => Port = port;

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public static async Task<RedisServerProcess> StartAsync()
    {
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo("redis-server")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--daemonize", "yes" })
        {
            start.ArgumentList.Add(argument);
        }

        using (var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start."))
        {
            await process.WaitForExitAsync().ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"redis-server exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync().ConfigureAwait(false)}");
            }
        }

        var server = new RedisServerProcess(port);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                await using var connection = await ConnectionMultiplexer.ConnectAsync($"{server.Endpoint},connectTimeout=500").ConfigureAwait(false);
                await connection.GetDatabase().PingAsync().ConfigureAwait(false);
                return server;
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Whether redis-server is on the PATH (the bench installs it with apt-get otherwise).</summary>
    public static bool IsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(dir => File.Exists(Path.Combine(dir, "redis-server")));

    public async ValueTask DisposeAsync()
    {
        var stop = new ProcessStartInfo("redis-cli") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "shutdown", "nosave" })
        {
            stop.ArgumentList.Add(argument);
        }

        using var process = Process.Start(stop);
        if (process is not null)
        {
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
