using ImagingBot.Bots;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;

namespace ImagingBot.Tests.Foundation;

public class GreetingTurnTests
{
    [Fact]
    public async Task A_message_through_the_TestAdapter_gets_the_greeting()
    {
        var bot = new ImagingBotActivityHandler(new ConversationState(new MemoryStorage()));

        await new TestFlow(new TestAdapter(), bot)
            .Send("hello")
            .AssertReply(ImagingBotActivityHandler.Greeting)
            .StartTestAsync();
    }

    [Fact]
    public async Task A_full_turn_never_loads_the_AdaptiveCards_assembly()
    {
        // Guards build/BotFramework.props: the feed has no AdaptiveCards package, so it must never be needed.
        var bot = new ImagingBotActivityHandler(new ConversationState(new MemoryStorage()));
        await new TestFlow(new TestAdapter(), bot).Send("hello").AssertReply(ImagingBotActivityHandler.Greeting).StartTestAsync();

        var loaded = AppDomain.CurrentDomain.GetAssemblies().Select(assembly => assembly.GetName().Name).ToList();
        Assert.Contains("Microsoft.Bot.Schema", loaded);
        Assert.DoesNotContain(loaded, name => name is not null && name.StartsWith("AdaptiveCards", StringComparison.OrdinalIgnoreCase));
    }
}
