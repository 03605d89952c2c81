namespace ImagingBot.LoadTest.Hosting;

/// <summary>A bot under load on 127.0.0.1: where its messaging endpoint is.</summary>
internal interface IBotHost : IAsyncDisposable
{
    Uri MessagesEndpoint { get; }
}
