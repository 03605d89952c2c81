using System.Text.Json.Nodes;

namespace ImagingBot.Guidance.Tests;

/// <summary>A copy of the shipped data file in a temp folder, changed by a test and written back for the loader.</summary>
public sealed class DataFile : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("imagingbot-guidance-").FullName;

    public DataFile() => Json = JsonNode.Parse(File.ReadAllText(GuidanceLoader.DefaultPath))!.AsObject();

    public JsonObject Json { get; }

    public string Path => System.IO.Path.Combine(_directory, "guidance.json");

    public JsonArray Questions => Json["questions"]!.AsArray();

    public JsonObject Procedure(string id) => Json["procedures"]!.AsArray().Select(p => p!.AsObject()).Single(p => (string?)p["id"] == id);

    public JsonObject Variant(int id) => Json["variants"]!.AsArray().Select(v => v!.AsObject()).Single(v => (int?)v["id"] == id);

    public JsonObject Rating(int variant, string procedure) =>
        Variant(variant)["ratings"]!.AsArray().Select(r => r!.AsObject()).Single(r => (string?)r["procedure"] == procedure);

    public JsonObject Question(string key) => Questions.Select(q => q!.AsObject()).Single(q => (string?)q["key"] == key);

    public string Write()
    {
        File.WriteAllText(Path, Json.ToJsonString());
        return Path;
    }

    public string WriteText(string text)
    {
        File.WriteAllText(Path, text);
        return Path;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
