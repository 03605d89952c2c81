using System.Diagnostics;

namespace ImagingBot.Tests.Deployment;

/// <summary>Where the repository's files and the shared Teams checks are, seen from the test's bin folder.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>
    /// The shared <c>teams-check</c> wrapper: <c>$TEAMS_CHECK</c>, else <c>../shared/tools/teams-check</c> beside the
    /// repository (as CI lays it out). Missing is a failure, not a skip: the package must be checked.
    /// </summary>
    public static string TeamsCheck()
    {
        var configured = Environment.GetEnvironmentVariable("TEAMS_CHECK");
        var path = string.IsNullOrEmpty(configured)
            ? Path.GetFullPath(Path.Combine(Root, "..", "shared", "tools", "teams-check"))
            : configured;
        Assert.True(File.Exists(path),
            $"The Teams manifest checker was not found at {path}. It ships in shared/tools beside the repository; " +
            "set TEAMS_CHECK to its path when the repository lives elsewhere.");
        return path;
    }

    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
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
        var standardError = process.StandardError.ReadToEndAsync();
        var standardOutput = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, standardOutput, standardError.Result);
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
