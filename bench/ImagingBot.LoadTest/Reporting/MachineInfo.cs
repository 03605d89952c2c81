using System.Diagnostics;
using System.Runtime;
using System.Runtime.InteropServices;

namespace ImagingBot.LoadTest.Reporting;

/// <summary>What the numbers were measured on.</summary>
internal sealed record MachineInfo(int Cores, string Cpu, string Memory, string Runtime, string Os, string Gc, string? Redis, string? Commit)
{
    public static MachineInfo Read(string? redisVersion) => new(
        Environment.ProcessorCount,
        FirstValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        FirstValue("/proc/meminfo", "MemTotal") is { } kb && long.TryParse(kb.Split(' ')[0], out var total)
            ? $"{total / 1024.0 / 1024.0:F1} GiB"
            : "unknown",
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription,
        (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode == GCLatencyMode.Interactive ? ", concurrent" : string.Empty)
            + (AppContext.GetData("System.GC.DynamicAdaptationMode") is { } datas && Convert.ToInt32(datas, System.Globalization.CultureInfo.InvariantCulture) == 0 ? ", DATAS off" : string.Empty),
        redisVersion,
        Run("git", "rev-parse --short HEAD"));

    public static string? Run(string command, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            return process.WaitForExit(10_000) && process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string? FirstValue(string file, string key)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        return File.ReadLines(file)
            .Where(line => line.StartsWith(key, StringComparison.OrdinalIgnoreCase))
            .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault();
    }
}
