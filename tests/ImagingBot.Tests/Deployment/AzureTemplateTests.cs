using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ImagingBot.Tests.Deployment;

/// <summary>The ARM templates in deploymentTemplates/ and their parameter files, checked without Azure.</summary>
public sealed partial class AzureTemplateTests
{
    private static readonly string TemplateDirectory = RepositoryLayout.PathOf("deploymentTemplates");

    private static IEnumerable<string> FileNames(string pattern) =>
        Directory.GetFiles(TemplateDirectory, pattern).Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal);

    public static TheoryData<string> JsonFiles() => [.. FileNames("*.json")];

    public static TheoryData<string> Templates() =>
        [.. FileNames("*.json").Where(name => !name.EndsWith(".parameters.json", StringComparison.Ordinal))];

    public static TheoryData<string> ParameterFiles() => [.. FileNames("*.parameters.json")];

    private static JsonNode Load(string fileName) => JsonNode.Parse(
        File.ReadAllText(Path.Combine(TemplateDirectory, fileName)),
        documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false })!;

    private static IEnumerable<string> StringValues(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(property => StringValues(property.Value)),
        JsonArray array => array.SelectMany(StringValues),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    [GeneratedRegex(@"\bparameters\(\s*'([^']+)'\s*\)")]
    private static partial Regex ParameterReference();

    [Fact]
    public void There_is_a_template_and_a_parameter_file()
    {
        Assert.NotEmpty(Templates());
        Assert.NotEmpty(ParameterFiles());
    }

    [Theory]
    [MemberData(nameof(JsonFiles))]
    public void Every_file_is_strict_JSON_with_an_ARM_schema(string fileName)
    {
        var document = Load(fileName);

        Assert.StartsWith("https://schema.management.azure.com/schemas/", (string?)document["$schema"], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_parameter_used_is_declared_and_every_declared_one_is_used(string fileName)
    {
        var template = Load(fileName);
        var declared = template["parameters"]!.AsObject().Select(parameter => parameter.Key).ToHashSet(StringComparer.Ordinal);
        var expressions = StringValues(template["variables"])
            .Concat(StringValues(template["resources"]))
            .Concat(StringValues(template["outputs"]))
            .Concat(StringValues(template["parameters"]));

        var used = expressions.SelectMany(text => ParameterReference().Matches(text)).Select(match => match.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);

        var undeclared = used.Except(declared).ToList();
        var unused = declared.Except(used).ToList();
        Assert.True(undeclared.Count == 0, $"{fileName} uses undeclared parameters: {string.Join(", ", undeclared)}.");
        Assert.True(unused.Count == 0, $"{fileName} declares parameters it never uses: {string.Join(", ", unused)}.");
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void Every_value_in_a_parameter_file_belongs_to_its_template_and_no_secret_is_committed(string fileName)
    {
        var template = Load(fileName.Replace(".parameters.json", ".json", StringComparison.Ordinal));
        var declared = template["parameters"]!.AsObject();
        var given = Load(fileName)["parameters"]!.AsObject();

        Assert.All(given, parameter =>
        {
            Assert.True(declared.ContainsKey(parameter.Key), $"{fileName} sets '{parameter.Key}', which the template does not declare.");
            var isSecret = ((string?)declared[parameter.Key]!["type"])!.StartsWith("secure", StringComparison.OrdinalIgnoreCase);
            // A secret may only come as a Key Vault reference, never as a value in the repository.
            Assert.False(isSecret && parameter.Value!["value"] is not null, $"{fileName} commits a value for the secret '{parameter.Key}'.");
        });
        Assert.All(declared.Where(parameter => parameter.Value!["defaultValue"] is null), parameter =>
            Assert.True(
                given.ContainsKey(parameter.Key) || ((string?)parameter.Value!["type"])!.StartsWith("secure", StringComparison.OrdinalIgnoreCase),
                $"{fileName} leaves out the required '{parameter.Key}' (only secrets are given on the command line)."));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void No_secret_parameter_has_a_default_other_than_empty(string fileName)
    {
        var parameters = Load(fileName)["parameters"]!.AsObject();

        Assert.All(parameters.Where(parameter => ((string?)parameter.Value!["type"])!.StartsWith("secure", StringComparison.OrdinalIgnoreCase)),
            parameter => Assert.True(parameter.Value!["defaultValue"] is null || (string?)parameter.Value["defaultValue"] == string.Empty));
    }
}
