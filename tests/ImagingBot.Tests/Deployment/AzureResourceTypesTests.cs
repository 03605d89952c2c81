using System.Reflection;
using System.Text.RegularExpressions;

namespace ImagingBot.Tests.Deployment;

/// <summary>
/// The templates against Azure's published resource types, offline: the Bicep CLI (from NuGet) decompiles each one
/// and compiles the result, reporting an unknown API version (BCP081), an unknown property (BCP037) or a value of the
/// wrong type (BCP036). Its linter's style advice is not a defect of the template and is left out.
/// </summary>
public sealed partial class AzureResourceTypesTests : IDisposable
{
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("imagingbot-bicep-").FullName;

    public void Dispose() => Directory.Delete(_workDirectory, recursive: true);

    public static TheoryData<string> Templates() => AzureTemplateTests.Templates();

    [GeneratedRegex(@": (Warning|Error) (BCP\d+): .*")]
    private static partial Regex CompilerDiagnostic();

    private static string BicepCli()
    {
        var path = typeof(AzureResourceTypesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "BicepCli").Value!;
        Assert.True(File.Exists(path), $"The Bicep CLI is missing at {path}: restore tests/ImagingBot.Tests (it is a PackageDownload).");
        // NuGet does not keep the execute bit of a package's files.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }

        return path;
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_resource_type_version_property_and_value_type_is_known_to_Azure(string fileName)
    {
        var bicep = BicepCli();
        var template = Path.Combine(_workDirectory, fileName);
        File.Copy(RepositoryLayout.PathOf("deploymentTemplates", fileName), template);

        var decompiled = RepositoryLayout.Run(bicep, ["decompile", template, "--force"]);
        Assert.True(decompiled.ExitCode == 0, $"bicep decompile failed:\n{decompiled.StandardError}");
        var built = RepositoryLayout.Run(bicep, ["build", Path.ChangeExtension(template, ".bicep"), "--stdout"]);
        Assert.True(built.ExitCode == 0, $"bicep build failed:\n{built.StandardError}");

        var diagnostics = (decompiled.StandardError + decompiled.StandardOutput + built.StandardError)
            .Split('\n').Where(line => CompilerDiagnostic().IsMatch(line)).Distinct().ToList();
        Assert.True(diagnostics.Count == 0, $"{fileName}:\n{string.Join('\n', diagnostics)}");
    }
}
