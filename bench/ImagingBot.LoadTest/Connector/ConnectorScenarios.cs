namespace ImagingBot.LoadTest.Connector;

/// <summary>The rows of the connector table (issue 15), by the names the report and its targets find them.</summary>
internal static class ConnectorScenarios
{
    /// <summary>An ASP.NET Core endpoint with no Bot Framework that posts one reply (<see cref="Hosting.MinimalBotHost"/>).</summary>
    public const string MinimalFloor = "minimal floor";

    /// <summary>Our Bot Framework host with the echo bot (<see cref="Hosting.EchoBot"/>).</summary>
    public const string EchoFloor = "echo floor";

    public const string Consult = "consult";

    /// <summary>The consult's variant with the OpenTelemetry SDK collecting (issue 17).</summary>
    public const string TelemetryOn = "telemetry on";

    /// <summary>The store column of the minimal floor, which keeps no state.</summary>
    public const string NoStore = "none";
}
