using ImagingBot.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddBotRuntime();
builder.AddConversationState();
builder.AddImagingBot();
builder.AddConsultCards();
builder.AddCdsHooks();

var app = builder.Build();

app.MapHealthEndpoints();
app.MapBotEndpoints();
app.MapCdsHooks();

app.Run();

/// <summary>Entry point, public so that the HTTP tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
