using ImagingBot.Cards;
using ImagingBot.Hosting;
using ImagingBot.State;
using ImagingBot.Templating;
using ImagingBot.Tests.Consult;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Tests.Foundation;

public class GreetingTurnTests
{
    [Fact]
    public async Task A_person_joining_through_the_TestAdapter_gets_the_welcome()
    {
        var adapter = new TestAdapter();
        var joined = new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [adapter.Conversation.User] };

        // The welcome is the help card (plain text "help" with the test's text cards).
        await new TestFlow(adapter, ClinicianChat.Bot(new ConcurrentMemoryStorage(TimeSpan.FromHours(1))))
            .Send(joined)
            .AssertReply("help")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_whole_consult_with_the_real_cards_never_loads_the_AdaptiveCards_assembly()
    {
        // Guards build/BotFramework.props: the feed has no AdaptiveCards package, so it must never be needed.
        // The app's own store, not Bot Framework's MemoryStorage: that one reads a stored consult into ConsultState's
        // shared default answers (ClinicalAnswers.Empty), which every other test's consult starts from.
        var cards = new TemplatedConsultCards(CardTemplateCatalog.Load(CardsExtensions.DefaultCardDirectory), ClinicianChat.Guidance);
        await new TestFlow(new TestAdapter(), ClinicianChat.Bot(new ConcurrentMemoryStorage(TimeSpan.FromHours(1)), cards, "c1"))
            .Send("start").AssertReply(_ => { })
            .Send("no").AssertReply(_ => { })
            .Send("yes").AssertReply(reply => Assert.Contains("MRI lumbar spine", JObject.FromObject(reply).ToString(), StringComparison.Ordinal))   // sepsis: emergent
            .StartTestAsync();

        var loaded = AppDomain.CurrentDomain.GetAssemblies().Select(assembly => assembly.GetName().Name).ToList();
        Assert.Contains("Microsoft.Bot.Schema", loaded);
        Assert.DoesNotContain(loaded, name => name is not null && name.StartsWith("AdaptiveCards", StringComparison.OrdinalIgnoreCase));
    }
}
