namespace ImagingBot.Templating.Tests;

/// <summary>Where the repository and the shared tools are, found from the test's output folder.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string Cards => Path.Combine(Root, "cards");

    public static string Goldens => Path.Combine(Cards, "golden");

    public static string ConformanceFixtures => Path.Combine(Root, "tests", "ImagingBot.Templating.Tests", "Conformance");

    /// <summary>
    /// The official checks: TEAMS_CHECK if set, else shared/tools/teams-check in the first ancestor of the repository
    /// that has it (CI clones beside ../shared). Fails the test, never skips it, when they are missing.
    /// </summary>
    public static string TeamsCheck()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("TEAMS_CHECK");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            Assert.True(File.Exists(fromEnvironment), $"TEAMS_CHECK is set to '{fromEnvironment}', which does not exist.");
            return fromEnvironment;
        }

        for (var dir = Directory.GetParent(Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "tools", "teams-check");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"The official card checks (shared/tools/teams-check) were not found beside the repository '{Root}' " +
            "or in any folder above it. Put shared/ beside the clone (../shared) or set TEAMS_CHECK to the teams-check script.");
        return string.Empty;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ImagingBot.sln")) && Directory.Exists(Path.Combine(dir.FullName, "cards")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ImagingBot.sln with a cards/ folder above '{AppContext.BaseDirectory}'.");
    }
}
