using System.Diagnostics;
using Xunit;

namespace ImagingBot.Tests.Shared;

/// <summary>
/// Where the repository's files and the shared Teams checks are, seen from a test's output folder, and how a test runs
/// a tool. Linked into every test project that reads repository files (one copy, see the test .csproj files).
/// </summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>
    /// The shared <c>teams-check</c> wrapper: <c>$TEAMS_CHECK</c> if set, else <c>shared/tools/teams-check</c> in the first
    /// folder above the repository that has it (CI clones beside <c>../shared</c>). Missing fails the test, never skips it.
    /// </summary>
    public static string TeamsCheck()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("TEAMS_CHECK");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            Assert.True(File.Exists(fromEnvironment), $"TEAMS_CHECK is set to '{fromEnvironment}', which does not exist.");
            return fromEnvironment;
        }

        for (var directory = Directory.GetParent(Root); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "tools", "teams-check");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"The shared Teams checks (shared/tools/teams-check) were not found beside the repository '{Root}' " +
            "or in any folder above it. Put shared/ beside the clone (../shared) or set TEAMS_CHECK to the teams-check script.");
        return string.Empty;
    }

    /// <summary>Runs a tool from the repository root; the first teams-check run installs npm packages, hence the generous limit.</summary>
    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(fileName)} did not finish within 5 minutes.");
        }

        return new ProcessResult(process.ExitCode, standardOutput.Result, standardError.Result);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ImagingBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ImagingBot.sln above {AppContext.BaseDirectory}.");
    }
}

internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);
