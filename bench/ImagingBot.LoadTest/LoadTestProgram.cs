using System.Text.Json;
using System.Text.Json.Serialization;
using ImagingBot.LoadTest.Reporting;

namespace ImagingBot.LoadTest;

/// <summary>
/// The load benchmark of issue 8: <c>dotnet run -c Release --project bench/ImagingBot.LoadTest -- [options]</c>.
/// Run it from the repository root (the results paths are relative to it).
/// </summary>
internal static class LoadTestProgram
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task<int> Main(string[] args)
    {
        LoadTestOptions options;
        try
        {
            options = LoadTestOptions.Parse(args);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync(exception.Message + Environment.NewLine + LoadTestOptions.Usage).ConfigureAwait(false);
            return 2;
        }

        var progress = Console.Out;
        var command = "dotnet run -c Release --project bench/ImagingBot.LoadTest --" + (args.Length > 0 ? " " + string.Join(' ', args) : string.Empty);
        await progress.WriteLineAsync($"ImagingBot load benchmark: {command}").ConfigureAwait(false);
        var report = await new LoadTestRun(options, progress).RunAsync(command).ConfigureAwait(false);

        await progress.WriteLineAsync().ConfigureAwait(false);
        var checks = options.Paths.Contains(LoadTestOptions.ConnectorPath) ? TargetCheck.OnTheConnectorPath(report) : [];
        if (options.Paths.Contains(LoadTestOptions.ExpectRepliesPath))
        {
            checks = [.. TargetCheck.OnTheExpectRepliesPath(report), .. checks];
        }

        foreach (var check in checks)
        {
            await progress.WriteLineAsync($"{check.Result,-8} {check.Target}: {check.Measured}").ConfigureAwait(false);
        }

        if (options.JsonPath is { } jsonPath)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(jsonPath))!);
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(report, JsonOptions)).ConfigureAwait(false);
            await progress.WriteLineAsync($"Raw results: {jsonPath}").ConfigureAwait(false);
        }

        if (options.MarkdownPath is { } markdownPath)
        {
            MarkdownReport.WriteSection(markdownPath, report);
            await progress.WriteLineAsync($"Results section written to {markdownPath}").ConfigureAwait(false);
        }

        await progress.WriteLineAsync($"Done in {report.Elapsed.TotalMinutes:F1} min.").ConfigureAwait(false);
        return 0;
    }
}
