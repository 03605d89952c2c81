using System.Net;
using System.Text;
using System.Text.Json;
using ImagingBot.LoadTest.Load;
using ImagingBot.LoadTest.Scenarios;

namespace ImagingBot.Bench.Tests;

/// <summary>
/// The load generator's one-pass reading of the bot's replies (<see cref="ReplyScan"/>), on small bodies: it must
/// find what the consult checks need wherever it sits, whatever the property order, and fail as the JsonDocument
/// checks did.
/// </summary>
public class ReplyScanTests
{
    private const string Adaptive = "application/vnd.microsoft.card.adaptive";

    [Fact]
    public void Submit_data_is_found_whatever_the_property_order_in_document_order()
    {
        var scan = Scanned(Reply("""
            {"type":"AdaptiveCard","body":[
              {"type":"ActionSet","actions":[{"data":{"questionId":"cancer","value":"yes"},"title":"Yes","type":"Action.Submit"}]}],
             "actions":[
              {"type":"Action.Submit","data":{"questionId":"cancer","value":"no"}},
              {"title":"New","data":{"action":"new"},"type":"Action.Submit"}]}
            """));

        Assert.Equal(1, scan.Cards);
        Assert.Equal(
            ["""{"questionId":"cancer","value":"yes"}""", """{"questionId":"cancer","value":"no"}""", """{"action":"new"}"""],
            SubmitData(scan));
    }

    [Fact]
    public void Objects_inside_a_data_object_and_the_data_of_other_actions_are_not_buttons()
    {
        var scan = Scanned(Reply("""
            {"type":"AdaptiveCard","actions":[
              {"type":"Action.Submit","data":{"questionId":"q","nested":{"type":"Action.Submit","data":{"inner":1}},"card":{"type":"TextBlock","text":"hidden"}}},
              {"data":{"verb":"x"},"type":"Action.ToggleVisibility"},
              {"type":"Action.ShowCard","card":{"type":"AdaptiveCard","actions":[{"type":"Action.Submit","data":{"shown":true}}]}},
              {"type":"Action.Submit","data":"not an object"}]}
            """));

        Assert.Equal(
            ["""{"questionId":"q","nested":{"type":"Action.Submit","data":{"inner":1}},"card":{"type":"TextBlock","text":"hidden"}}""", """{"shown":true}"""],
            SubmitData(scan));
        Assert.Equal(0, scan.TextCount);
    }

    [Fact]
    public void Universal_action_buttons_are_buttons_with_their_verb_whatever_the_order_of_their_properties()
    {
        var scan = Scanned(Reply("""
            {"type":"AdaptiveCard","actions":[
              {"type":"Action.Execute","verb":"answer","data":{"questionId":"q","value":"yes"}},
              {"data":{"action":"new"},"verb":"newConsult","title":"New consult","type":"Action.Execute"},
              {"type":"Action.Submit","data":{"action":"help"}}]}
            """));

        Assert.Equal(["""{"questionId":"q","value":"yes"}""", """{"action":"new"}""", """{"action":"help"}"""], SubmitData(scan));
        Assert.Equal([true, true, false], Enumerable.Range(0, scan.SubmitCount).Select(i => scan.Submit(i).IsExecute));
        Assert.Equal("answer", Encoding.UTF8.GetString(scan.Submit(0).Utf8Verb));
        Assert.Equal("newConsult", Encoding.UTF8.GetString(scan.Submit(1).Utf8Verb));
    }

    [Fact]
    public void TextBlock_texts_come_in_reading_order_with_their_escapes_decoded()
    {
        var scan = Scanned(Reply("""
            {"type":"AdaptiveCard","body":[
              {"type":"TextBlock","text":"Say \"hi\""},
              {"text":"\u2022 One","wrap":true,"type":"TextBlock"},
              {"type":"Container","items":[{"type":"TextBlock","text":"Inner"},{"type":"Image","url":"x","text":"not a TextBlock"}]},
              {"type":"FactSet","facts":[{"title":"t","value":"v"}]},
              {"type":"TextBlock","text":"Last"}]}
            """));

        Assert.Equal(["Say \"hi\"", "\u2022 One", "Inner", "Last"], Texts(scan));
        Assert.True(scan.TextEquals(0, "Say \"hi\""u8));
        Assert.True(scan.TextStartsWith(1, Encoding.UTF8.GetBytes("\u2022 On")));
        Assert.False(scan.TextStartsWith(1, "\\u2022"u8));
        Assert.True(scan.TextEquals(2, "Inner"u8));
        Assert.False(scan.TextEquals(2, "Inne"u8));
    }

    [Fact]
    public void A_TextBlock_reads_before_what_is_nested_in_it_even_when_its_text_comes_last()
    {
        var scan = Scanned(Reply("""{"type":"TextBlock","selectAction":{"type":"TextBlock","text":"nested"},"text":"outer"}"""));

        Assert.Equal(["outer", "nested"], Texts(scan));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("""{"activities":[""")]
    [InlineData("""{"activities":[]} trailing""")]
    [InlineData("""[1,2""")]
    public void A_body_that_is_not_json_is_an_error(string body)
    {
        Assert.Equal("response is not JSON", new ReplyScan().Read(Ok(body)));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("""{"activities":{}}""")]
    [InlineData("""{"replies":[{"type":"message"}]}""")]
    public void A_body_without_an_activities_array_is_an_error(string body)
    {
        Assert.Equal("no activities in the response", new ReplyScan().Read(Ok(body)));
    }

    [Fact]
    public void An_http_error_is_reported_with_its_status()
    {
        Assert.Equal("HTTP 500", new ReplyScan().Read(new BotResponse(HttpStatusCode.InternalServerError, [], 0)));
    }

    [Fact]
    public void A_reply_without_cards_has_none()
    {
        var scan = Scanned("""{"activities":[{"type":"message","text":"Hello, I am ImagingBot"},{"type":"typing"}]}""");

        Assert.Equal(0, scan.Cards);
        Assert.Equal(0, scan.SubmitCount);
        Assert.Equal(0, scan.TextCount);
    }

    [Fact]
    public void Only_adaptive_cards_count_whether_the_content_type_comes_before_or_after_the_content()
    {
        var scan = Scanned($$$"""
            {"activities":[{"type":"message","attachments":[
              {"content":{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"after"}],"actions":[{"type":"Action.Submit","data":{"n":1}}]},"contentType":"{{{Adaptive}}}"},
              {"contentType":"application/vnd.microsoft.card.hero","content":{"title":"hero","buttons":[{"type":"Action.Submit","data":{"n":2}}],"text":"x","type":"TextBlock"}},
              {"content":{"type":"TextBlock","text":"hero after"},"contentType":"application/vnd.microsoft.card.hero"}]},
             {"type":"message","attachments":[{"contentType":"{{{Adaptive}}}","content":{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"before"}]}}]}]}
            """);

        Assert.Equal(2, scan.Cards);
        Assert.Equal(["""{"n":1}"""], SubmitData(scan));
        Assert.Equal(["after", "before"], Texts(scan));
        Assert.False(scan.SameCard(0, 1));
    }

    [Fact]
    public void The_last_activities_property_counts_as_with_JsonDocument()
    {
        Assert.Equal("no activities in the response", new ReplyScan().Read(Ok("""{"activities":[],"activities":null}""")));
        Assert.Equal(0, Scanned($$$"""{"activities":[{"attachments":[{"contentType":"{{{Adaptive}}}","content":{}}]}],"activities":[]}""").Cards);
    }

    [Fact]
    public void Submit_data_answers_for_its_properties_and_goes_back_unchanged_in_the_next_activity()
    {
        var scan = Scanned(Reply("""{"type":"Action.Submit","data":{"action":"new","questionId":null,"action":"answer"}}"""));
        var data = scan.Submit(0);

        Assert.True(data.Has("questionId"u8));
        Assert.False(data.Has("value"u8));
        Assert.True(data.StringEquals("action"u8, "answer"u8)); // the last one counts
        Assert.False(data.StringEquals("action"u8, "new"u8));

        using var payload = JsonDocument.Parse(ActivityPayloads.Message("c-1", text: null, data.Utf8Json));
        Assert.Equal(data.ToString(), payload.RootElement.GetProperty("value").GetRawText());
        Assert.False(payload.RootElement.TryGetProperty("text", out _));
        Assert.Equal("c-1", payload.RootElement.GetProperty("conversation").GetProperty("id").GetString());
    }

    [Fact]
    public void The_recommendation_orders_the_study_first_in_either_wording()
    {
        const string Study = "MRI lumbar spine without and with IV contrast";
        var split = Scanned(Reply($$$"""{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"Order first"},{"type":"TextBlock","text":"{{{Study}}}"},{"type":"TextBlock","text":"CT lumbar spine with IV contrast"}]}"""));
        var inline = Scanned(Reply($$$"""{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"Order {{{Study}}} (Usually Appropriate) \u00b7 0 mSv"}]}"""));
        var alternative = Scanned(Reply($$$"""{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"Alternatives"},{"type":"TextBlock","text":"{{{Study}}}"}]}"""));

        Assert.True(Replies.OrdersFirst(split, Study));
        Assert.False(Replies.OrdersFirst(split, "CT lumbar spine with IV contrast"));
        Assert.True(Replies.OrdersFirst(inline, Study));
        Assert.False(Replies.OrdersFirst(alternative, Study));
    }

    [Fact]
    public void The_emergency_banner_is_found_escaped_or_not_and_only_at_the_start_of_a_text()
    {
        var escaped = Scanned(Reply("""{"type":"AdaptiveCard","body":[{"type":"Container","items":[{"type":"TextBlock","text":"\u26a0 EMERGENCY"}]}]}"""));
        var plain = Scanned(Reply("""{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"⚠ EMERGENCY"}]}"""));
        var routine = Scanned(Reply("""{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"No \u26a0 EMERGENCY here"},{"type":"TextBlock","text":"⚠ Emergency screen"}]}"""));

        Assert.True(Replies.IsEmergent(escaped));
        Assert.True(Replies.IsEmergent(plain));
        Assert.False(Replies.IsEmergent(routine));
    }

    [Fact]
    public void Order_first_and_the_study_on_two_cards_do_not_pair_up()
    {
        var scan = Scanned($$$"""
            {"activities":[{"attachments":[
              {"contentType":"{{{Adaptive}}}","content":{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"Order first"}]}},
              {"contentType":"{{{Adaptive}}}","content":{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"CT"}]}}]}]}
            """);

        Assert.False(Replies.OrdersFirst(scan, "CT"));
    }

    private static string Reply(string card) =>
        $$$"""{"activities":[{"type":"message","attachments":[{"contentType":"{{{Adaptive}}}","content":{{{card}}}}]}]}""";

    private static BotResponse Ok(string body) => new(HttpStatusCode.OK, Encoding.UTF8.GetBytes(body), 0);

    private static ReplyScan Scanned(string body)
    {
        var scan = new ReplyScan();
        Assert.Null(scan.Read(Ok(body)));
        return scan;
    }

    private static List<string> SubmitData(ReplyScan scan)
    {
        var data = new List<string>();
        for (var i = 0; i < scan.SubmitCount; i++)
        {
            data.Add(scan.Submit(i).ToString());
        }

        return data;
    }

    private static List<string> Texts(ReplyScan scan)
    {
        var texts = new List<string>();
        for (var i = 0; i < scan.TextCount; i++)
        {
            texts.Add(scan.Text(i));
        }

        return texts;
    }
}
