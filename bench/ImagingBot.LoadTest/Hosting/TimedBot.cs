using System.Diagnostics;
using Microsoft.Bot.Builder;

namespace ImagingBot.LoadTest.Hosting;

/// <summary>The app's IBot, timed (only with <c>--profile</c>).</summary>
internal sealed class TimedBot(IBot inner, TurnProfile profile) : IBot
{
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await inner.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            profile.AddTurn(Stopwatch.GetTimestamp() - started);
        }
    }
}
