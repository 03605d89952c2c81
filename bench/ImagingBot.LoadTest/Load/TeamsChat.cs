namespace ImagingBot.LoadTest.Load;

/// <summary>
/// A virtual clinician's Teams personal chat: its conversation id (Teams' "a:" form), the tenant, and the connector the
/// bot answers at (the activities' serviceUrl).
/// </summary>
internal sealed record TeamsChat(string ConversationId, string ServiceUrl, string TenantId = TeamsChat.Tenant)
{
    public const string Tenant = "00000000-0000-0000-0000-0000000000aa";

    /// <summary>The same chat in another conversation (the next consult in a new chat).</summary>
    public TeamsChat In(string conversationId) => this with { ConversationId = conversationId };
}
