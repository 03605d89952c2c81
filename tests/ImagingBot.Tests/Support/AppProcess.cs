using System.Collections.Concurrent;
using System.Diagnostics;

namespace ImagingBot.Tests.Support;

/// <summary>
/// The real app as an operating-system process (<c>dotnet ImagingBot.dll --urls http://127.0.0.1:PORT</c>),
/// configured through the environment as an operator would, that a test can kill without warning.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Everything the app wrote to stdout and stderr (its console log).</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    public static async Task<AppProcess> StartAsync(int port, IReadOnlyDictionary<string, string> environment)
    {
        var start = StartInfo(environment);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), new Uri($"http://127.0.0.1:{port}"));
        app._process.OutputDataReceived += (_, line) => app._output.Enqueue(line.Data ?? string.Empty);
        app._process.ErrorDataReceived += (_, line) => app._output.Enqueue(line.Data ?? string.Empty);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        await app.WaitUntilHealthyAsync();
        return app;
    }

    /// <summary>
    /// Starts the app with these environment variables and waits for it to stop by itself, as it does when a setting
    /// is wrong: its exit code and everything it wrote. Fails when it is still running after a minute.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(Dictionary<string, string> environment)
    {
        var start = StartInfo(environment);
        if (!environment.ContainsKey("Urls"))
        {
            start.Environment["Urls"] = "http://127.0.0.1:0";
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The app kept running: the wrong setting did not stop start-up.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary><c>dotnet ImagingBot.dll</c> from the test's output folder, with its output read and these environment variables.</summary>
    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ImagingBot.dll"));
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>SIGKILL: no shutdown, no flush, as when a host dies or a container is killed.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        await KillAsync();
        throw new InvalidOperationException("The app did not become healthy. Its output:" + Environment.NewLine + Output);
    }
}
