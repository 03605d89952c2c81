using System.Text.Json.Nodes;
using Xunit;

namespace ImagingBot.Tests.Shared;

/// <summary>Runs Microsoft's own card validator (shared teams-check) on card files and holds them to what Teams needs.</summary>
internal static class TeamsCardCheck
{
    /// <summary>No error, no warning, at most 28 KB, schema 1.5, with fallbackText and speak, for every file.</summary>
    public static void AssertEveryCardPasses(IReadOnlyCollection<string> files, params string[] extraArguments)
    {
        var result = RepositoryLayout.Run(RepositoryLayout.TeamsCheck(), ["card", "--fail-on-warnings", "--max-bytes", "28672", .. extraArguments, .. files]);

        Assert.True(result.ExitCode == 0, $"teams-check card failed ({result.ExitCode}):\n{result.StandardOutput}\n{result.StandardError}");
        var reports = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();
        Assert.Equal(files.Count, reports.Count);
        Assert.All(reports, report =>
        {
            Assert.True(report["ok"]!.GetValue<bool>(), report.ToJsonString());
            Assert.Empty(report["warnings"]!.AsArray());
            Assert.True(report["hasFallbackText"]!.GetValue<bool>() && report["hasSpeak"]!.GetValue<bool>(), report.ToJsonString());
            Assert.InRange(report["bytes"]!.GetValue<int>(), 1, 28 * 1024);
            Assert.Equal("1.5", report["version"]!.GetValue<string>());
        });
    }
}
