using Microsoft.Bot.Builder;

namespace ImagingBot.Hosting;

public static class HealthEndpointExtensions
{
    private const string ReadinessProbeKey = "imagingbot/readiness-probe";

    /// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: the state store answers too.</summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", async (IStorage storage, CancellationToken cancellationToken) =>
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(2));
                await storage.ReadAsync([ReadinessProbeKey], timeout.Token).ConfigureAwait(false);
                return Results.Text("ready");
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return Results.Text("state store unavailable", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
        return app;
    }
}
