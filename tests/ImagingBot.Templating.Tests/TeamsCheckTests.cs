using System.Text.Json.Nodes;

namespace ImagingBot.Templating.Tests;

/// <summary>
/// The cards our engine produces, checked by Microsoft's own libraries (adaptivecards, adaptivecards-templating) through
/// shared/tools/teams-check. Runs node; one collection so the tool's first-run install is not raced.
/// </summary>
[Collection(nameof(TeamsCheckTests))]
public sealed class TeamsCheckTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cards-check-").FullName;

    [Fact]
    public void Every_card_we_expand_passes_teams_check_with_no_error_no_warning_and_at_most_28_kb()
    {
        var catalog = CardTemplateCatalog.Load(RepositoryLayout.PathOf("cards"));
        var files = new List<string>();
        foreach (var sample in catalog.Samples)
        {
            var file = Path.Combine(_folder, sample.GoldenFileName);
            File.WriteAllText(file, catalog[sample.TemplateName].Expand(JsonNode.Parse(File.ReadAllText(sample.Path))));
            files.Add(file);
        }

        TeamsCardCheck.AssertEveryCardPasses(files);
    }

    [Fact]
    public void The_official_engine_still_expands_every_sample_to_its_golden()
    {
        // Catches a template edited without regenerating the goldens (the C# test alone would then compare to stale files).
        var catalog = CardTemplateCatalog.Load(RepositoryLayout.PathOf("cards"));
        foreach (var sample in catalog.Samples)
        {
            var (exit, output, errors) = Run(["template", "--sort-keys", Path.Combine(RepositoryLayout.PathOf("cards"), $"{sample.TemplateName}.template.json"), sample.Path]);

            Assert.True(exit == 0, $"teams-check template failed for {sample.Path}: {errors}");
            var golden = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryLayout.PathOf("cards", "golden"), sample.GoldenFileName)));
            JsonAssert.Equal(golden, JsonNode.Parse(output), $"official expansion of {Path.GetFileName(sample.Path)} (run scripts/regenerate-card-goldens.sh)");
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Exit, string Output, string Errors) Run(IEnumerable<string> arguments)
    {
        var result = RepositoryLayout.Run(RepositoryLayout.TeamsCheck(), arguments);
        return (result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
