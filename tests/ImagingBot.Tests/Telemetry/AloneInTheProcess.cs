namespace ImagingBot.Tests.Telemetry;

/// <summary>
/// Tests that read what an OpenTelemetry provider collected run alone: a provider hears every meter and trace source of
/// its name in the process, so another test's app, running at the same time, would add its own turns.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneInTheProcess
{
    public const string Name = "Telemetry, alone in the process";
}
