using System.Text.Json;

namespace ImagingBot.Guidance;

/// <summary>Loads and validates the guidance data file; the app should call this at start-up and stop on failure.</summary>
public static class GuidanceLoader
{
    public const string DefaultFileName = "low-back-pain.json";

    /// <summary>The data file copied next to this assembly (Data/low-back-pain.json).</summary>
    public static string DefaultPath
    {
        get
        {
            var location = typeof(GuidanceLoader).Assembly.Location;
            // Single-file hosts have no assembly location; the base directory is then where the file was copied.
            var directory = string.IsNullOrEmpty(location) ? AppContext.BaseDirectory : Path.GetDirectoryName(location)!;
            return Path.Combine(directory, "Data", DefaultFileName);
        }
    }

    public static GuidanceDocument LoadDefault() => Load(DefaultPath);

    public static GuidanceDocument Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new GuidanceValidationException(fullPath, "the file does not exist.");
        }

        try
        {
            using var stream = File.OpenRead(fullPath);
            using var json = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            return new GuidanceFileReader(fullPath).Read(json.RootElement);
        }
        catch (JsonException e)
        {
            throw new GuidanceValidationException(fullPath, $"not valid JSON ({e.Message})", e);
        }
        catch (IOException e)
        {
            throw new GuidanceValidationException(fullPath, $"cannot be read ({e.Message})", e);
        }
    }
}
