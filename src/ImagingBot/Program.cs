using ImagingBot.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddTelemetry();
builder.AddBotRuntime();
builder.AddConversationState();
builder.AddImagingBot();
builder.AddConsultCards();

var app = builder.Build();

app.MapTelemetryEndpoints();
app.MapHealthEndpoints();
app.MapBotEndpoints();

app.Run();

/// <summary>Entry point, public so that the HTTP tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
