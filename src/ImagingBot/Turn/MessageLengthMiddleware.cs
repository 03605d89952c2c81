using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ImagingBot.Turn;

/// <summary>
/// Answers an overlong message politely instead of running it through the consult and FAQ search:
/// no question or case summary needs more than a few lines, and huge text would only cost time.
/// </summary>
public sealed class MessageLengthMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    public const int MaxTextLength = 4000;

    public const string TooLong =
        "That message is longer than I can read (over 4,000 characters). Please send your question, or the case in one or two lines.";

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.Type == ActivityTypes.Message && turnContext.Activity.Text?.Length > MaxTextLength)
        {
            await turnContext.SendActivityAsync(TooLong, cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await next(cancellationToken).ConfigureAwait(false);
    }
}
