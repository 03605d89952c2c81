using ImagingBot.Tests.Consult;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace ImagingBot.Tests.Foundation;

public class GreetingTurnTests
{
    [Fact]
    public async Task A_person_joining_through_the_TestAdapter_gets_the_welcome()
    {
        var adapter = new TestAdapter();
        var joined = new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [adapter.Conversation.User] };

        // The welcome is the help card (plain text "help" with the test's text cards).
        await new TestFlow(adapter, ClinicianChat.Bot(new MemoryStorage()))
            .Send(joined)
            .AssertReply("help")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_full_turn_never_loads_the_AdaptiveCards_assembly()
    {
        // Guards build/BotFramework.props: the feed has no AdaptiveCards package, so it must never be needed.
        await new TestFlow(new TestAdapter(), ClinicianChat.Bot(new MemoryStorage(), "c1"))
            .Send("start").AssertReply(reply => Assert.StartsWith("[c1/cancer]", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("hello").AssertReply(reply => Assert.StartsWith("[c1/cancer]", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();

        var loaded = AppDomain.CurrentDomain.GetAssemblies().Select(assembly => assembly.GetName().Name).ToList();
        Assert.Contains("Microsoft.Bot.Schema", loaded);
        Assert.DoesNotContain(loaded, name => name is not null && name.StartsWith("AdaptiveCards", StringComparison.OrdinalIgnoreCase));
    }
}
