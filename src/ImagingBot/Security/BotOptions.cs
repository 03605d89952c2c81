namespace ImagingBot.Security;

/// <summary>Who may talk to the bot and how much they may send. Bound from the <c>Bot</c> section.</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>Microsoft Entra tenant ids allowed to use the bot; empty means any tenant.</summary>
    public IList<string> AllowedTenantIds { get; } = [];

    /// <summary>Largest accepted request body on <c>/api/messages</c>; larger requests get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;
}
