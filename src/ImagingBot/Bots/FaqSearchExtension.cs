using ImagingBot.Guidance;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;

namespace ImagingBot.Bots;

/// <summary>
/// Answers the compose box's FAQ search (<c>composeExtension/query</c> for the manifest's <c>searchFaq</c> command):
/// each matching FAQ is a list item whose preview shows the question and the start of the answer, and whose
/// attachment is the full answer card that Teams inserts into the message being written.
/// The answer card is rendered by the caller (the card templates), so this class only chooses and pages.
/// </summary>
public sealed class FaqSearchExtension(GuidanceDocument guidance, FaqSearch search, Func<FaqEntry, Attachment> answerCard)
{
    public const string CommandId = "searchFaq";
    public const string QueryParameterName = "query";

    // Teams sends "initialRun" instead of the query parameter when the extension opens (manifest initialRun: true).
    private const string InitialRunParameterName = "initialRun";

    // Teams asks for 25 items a page; more would not be shown anyway.
    private const int MaxPageSize = 25;
    private const int PreviewCharacters = 140;
    private const int EchoedQueryCharacters = 60;

    public MessagingExtensionResponse Answer(MessagingExtensionQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = QueryText(query);
        var skip = Math.Max(query.QueryOptions?.Skip ?? 0, 0);
        var count = Math.Clamp(query.QueryOptions?.Count ?? MaxPageSize, 1, MaxPageSize);

        // An empty query lists every FAQ in the order the guidance gives them; otherwise the best matches first.
        var entries = string.IsNullOrWhiteSpace(text)
            ? guidance.Faq
            : [.. search.Search(text, maxResults: Math.Max(guidance.Faq.Count, 1)).Hits.Select(hit => hit.Entry)];

        if (entries.Count == 0)
        {
            return new MessagingExtensionResponse
            {
                ComposeExtension = new MessagingExtensionResult
                {
                    Type = "message",
                    Text = $"No FAQ matches \"{Shorten(text.Trim(), EchoedQueryCharacters)}\". Try a word such as MRI, contrast, fever or cancer.",
                },
            };
        }

        // A page past the end is an empty list: that is how Teams learns there is nothing more to load.
        var page = entries.Skip(skip).Take(count).Select(ToListItem).ToList();
        return new MessagingExtensionResponse
        {
            ComposeExtension = new MessagingExtensionResult
            {
                Type = "result",
                AttachmentLayout = "list",
                Attachments = page,
            },
        };
    }

    private MessagingExtensionAttachment ToListItem(FaqEntry entry)
    {
        var card = answerCard(entry);
        return new MessagingExtensionAttachment
        {
            ContentType = card.ContentType,
            Content = card.Content,
            Preview = new ThumbnailCard { Title = entry.Question, Text = Shorten(entry.Answer, PreviewCharacters) }.ToAttachment(),
        };
    }

    private static string QueryText(MessagingExtensionQuery query)
    {
        var parameter = query.Parameters?.FirstOrDefault(p =>
            string.Equals(p.Name, QueryParameterName, StringComparison.Ordinal));
        if (parameter is null || query.Parameters!.Any(p => string.Equals(p.Name, InitialRunParameterName, StringComparison.Ordinal)))
        {
            return string.Empty;
        }

        return parameter.Value?.ToString() ?? string.Empty;
    }

    private static string Shorten(string text, int limit) =>
        text.Length <= limit ? text : string.Concat(text.AsSpan(0, limit - 1).TrimEnd(), "…");
}
