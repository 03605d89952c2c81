using System.Text.Json.Nodes;

namespace ImagingBot.Templating.Tests;

/// <summary>The engine's behaviour, one rule at a time (the conformance fixture checks the same rules against the official engine).</summary>
public class AdaptiveCardTemplateTests
{
    private static JsonNode Expand(string template, string data) =>
        JsonNode.Parse(new AdaptiveCardTemplate(template).Expand(JsonNode.Parse(data)))!;

    [Fact]
    public void A_lone_expression_keeps_the_json_type_and_text_around_it_makes_a_string()
    {
        var card = Expand("""{ "n": "${n}", "b": "${b}", "o": "${o}", "s": "n is ${n}, b is ${b}" }""", """{ "n": 3, "b": true, "o": { "a": 1 } }""");

        Assert.Equal(3, card["n"]!.GetValue<int>());
        Assert.True(card["b"]!.GetValue<bool>());
        Assert.Equal(1, card["o"]!["a"]!.GetValue<int>());
        Assert.Equal("n is 3, b is true", card["s"]!.GetValue<string>());
    }

    [Fact]
    public void A_field_missing_from_the_data_is_left_as_its_expression_text()
    {
        var card = Expand("""{ "a": "${missing}", "b": "x ${missing.deep} y" }""", "{}");

        Assert.Equal("${missing}", card["a"]!.GetValue<string>());
        Assert.Equal("x ${missing.deep} y", card["b"]!.GetValue<string>());
    }

    [Fact]
    public void Data_over_a_list_repeats_the_element_with_its_index_and_root_still_reachable()
    {
        var card = Expand(
            """{ "body": [ { "$data": "${items}", "text": "${$index}: ${name} of ${$root.owner}" } ] }""",
            """{ "owner": "ward 3", "items": [ { "name": "a" }, { "name": "b" } ] }""");

        Assert.Equal(["0: a of ward 3", "1: b of ward 3"], card["body"]!.AsArray().Select(e => e!["text"]!.GetValue<string>()));
    }

    [Fact]
    public void Data_over_an_empty_list_removes_the_element()
    {
        var card = Expand("""{ "body": [ { "$data": "${items}", "t": "x" }, { "t": "kept" } ] }""", """{ "items": [] }""");

        Assert.Single(card["body"]!.AsArray());
    }

    [Fact]
    public void Data_over_an_object_binds_it_once_and_has_no_index()
    {
        var card = Expand("""{ "body": [ { "$data": "${study}", "t": "${name}", "i": "${$index}" } ] }""", """{ "study": { "name": "MRI" } }""");

        Assert.Equal("MRI", card["body"]![0]!["t"]!.GetValue<string>());
        Assert.Equal("${$index}", card["body"]![0]!["i"]!.GetValue<string>());
    }

    [Fact]
    public void Nested_data_lists_use_the_inner_index()
    {
        var card = Expand(
            """{ "body": [ { "$data": "${groups}", "items": [ { "$data": "${members}", "t": "${$index}${$data}" } ] } ] }""",
            """{ "groups": [ { "members": ["a", "b"] }, { "members": ["c"] } ] }""");

        Assert.Equal("0a", card["body"]![0]!["items"]![0]!["t"]!.GetValue<string>());
        Assert.Equal("1b", card["body"]![0]!["items"]![1]!["t"]!.GetValue<string>());
        Assert.Equal("0c", card["body"]![1]!["items"]![0]!["t"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("${flag}", true)]
    [InlineData("${!flag}", false)]
    [InlineData("${count(list) > 1}", true)]
    [InlineData("${count(list) == 0 || flag}", true)]
    [InlineData("${empty(list) && flag}", false)]
    [InlineData("${n}", false)] // only the boolean true keeps an element, not a truthy number
    [InlineData("${missing}", false)]
    public void When_keeps_the_element_only_if_the_condition_is_true(string condition, bool kept)
    {
        var card = Expand($$"""{ "body": [ { "$when": "{{condition}}", "t": "x" } ] }""", """{ "flag": true, "n": 1, "list": [1, 2] }""");

        Assert.Equal(kept ? 1 : 0, card["body"]!.AsArray().Count);
    }

    [Fact]
    public void When_is_evaluated_for_each_repeated_item()
    {
        var card = Expand(
            """{ "body": [ { "$data": "${rows}", "$when": "${show}", "t": "${t}" } ] }""",
            """{ "rows": [ { "show": true, "t": "a" }, { "show": false, "t": "b" } ] }""");

        Assert.Equal("a", Assert.Single(card["body"]!.AsArray())!["t"]!.GetValue<string>());
    }

    [Fact]
    public void The_same_template_expands_the_same_data_twice()
    {
        var template = new AdaptiveCardTemplate("""{ "o": "${o}", "l": [ "${list}" ] }""");
        var data = JsonNode.Parse("""{ "o": { "a": 1 }, "list": [1, 2] }""");

        Assert.Equal(template.Expand(data), template.Expand(data));
        Assert.Equal("""{"o":{"a":1},"l":[1,2]}""", template.Expand(data));
    }

    [Fact]
    public void An_object_is_expanded_as_camel_case_json()
    {
        var card = new AdaptiveCardTemplate("""{ "t": "${studyName} (${radiationMsv} mSv)" }""").Expand(new { StudyName = "MRI", RadiationMsv = 0 });

        Assert.Equal("""{"t":"MRI (0 mSv)"}""", card);
    }

    [Fact]
    public void Root_and_host_can_be_given_through_an_evaluation_context()
    {
        var template = new AdaptiveCardTemplate("""{ "t": "${name} on ${$host.channel}" }""");

        var card = template.Expand(new EvaluationContext { Root = """{ "name": "A" }""", Host = JsonNode.Parse("""{ "channel": "msteams" }""") });

        Assert.Equal("""{"t":"A on msteams"}""", card);
    }

    [Fact]
    public void Text_outside_ascii_is_written_as_is()
    {
        var card = new AdaptiveCardTemplate("""{ "t": "⚠ ${s} · 0 mSv" }""").Expand(JsonNode.Parse("""{ "s": "déjà" }"""));

        Assert.Equal("""{"t":"⚠ déjà · 0 mSv"}""", card);
    }

    [Theory]
    [InlineData("${toUpper(s)}", "toUpper")]
    [InlineData("${n + 1}", "unexpected '+ 1'")]
    [InlineData("${if(a, b)}", "if() takes 3")]
    [InlineData("${a ==}", "ends too early")]
    [InlineData("${(a}", "')' is expected")]
    [InlineData("${a = 1}", "unexpected '= 1'")]
    [InlineData("${$foo}", "$foo")]
    [InlineData("${}", "empty")]
    [InlineData("${a b}", "unexpected")]
    public void An_unsupported_or_broken_expression_is_refused_when_the_template_loads(string expression, string reason)
    {
        var error = Assert.Throws<AdaptiveCardTemplateException>(() => new AdaptiveCardTemplate($$"""{ "body": [ { "text": "x {{expression}}" } ] }"""));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("/body/0/text", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"true\"")]
    [InlineData("\"${true}\"")]
    [InlineData("\"x ${flag}\"")]
    [InlineData("true")]
    public void When_must_be_one_expression_that_reads_the_data(string when)
    {
        Assert.Throws<AdaptiveCardTemplateException>(() => new AdaptiveCardTemplate($$"""{ "body": [ { "$when": {{when}} } ] }"""));
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("\"not json")]
    public void A_template_that_is_not_a_json_object_is_refused(string json)
    {
        Assert.Throws<AdaptiveCardTemplateException>(() => new AdaptiveCardTemplate(json));
    }

    [Fact]
    public void Validate_lists_every_field_the_data_lacks_with_where_it_is_used()
    {
        var template = new AdaptiveCardTemplate(
            """{ "body": [ { "text": "${title}" }, { "$data": "${rows}", "text": "${name} ${age}" }, { "$when": "${shown}" }, { "text": "${count(title)}" } ] }""");

        var problems = template.Validate(JsonNode.Parse("""{ "title": 5, "rows": [ { "name": "a" } ] }"""));

        Assert.Collection(
            problems,
            p => Assert.Equal("/body/1/text: 'age' is not in the data", p),
            p => Assert.Equal("/body/2/$when: 'shown' is not in the data", p),
            p => Assert.Equal("/body/2/$when: $when is not a true/false value", p),
            p => Assert.Equal("/body/3/text: '${count(title)}': count() takes a list or a string", p));
    }

    [Fact]
    public void Validate_finds_nothing_when_the_data_fits()
    {
        var template = new AdaptiveCardTemplate("""{ "body": [ { "$data": "${rows}", "$when": "${show}", "text": "${name}" } ] }""");

        Assert.Empty(template.Validate(JsonNode.Parse("""{ "rows": [ { "show": false }, { "show": true, "name": "a" } ] }""")));
    }

    [Fact]
    public void Null_inside_a_string_is_written_as_nothing_and_reported_by_validate()
    {
        // The official engine throws on this; we keep the card and let the load-time check catch it.
        var template = new AdaptiveCardTemplate("""{ "t": "Study: ${study}." }""");
        var data = JsonNode.Parse("""{ "study": null }""");

        Assert.Equal("""{"t":"Study: ."}""", template.Expand(data));
        Assert.Equal("/t: '${study}' is null inside a string", Assert.Single(template.Validate(data)));
    }

    [Fact]
    public void A_card_expanded_after_a_larger_one_holds_only_its_own_json()
    {
        // Expansions on a thread share one output buffer: nothing of an earlier, longer card may leak into a later one.
        var large = new AdaptiveCardTemplate("""{ "body": [ { "$data": "${items}", "text": "${name}" } ] }""");
        var small = new AdaptiveCardTemplate("""{ "text": "${name}" }""");
        var items = new JsonArray([.. Enumerable.Range(0, 2000).Select(n => (JsonNode)new JsonObject { ["name"] = $"item {n}" })]);
        var largeData = new JsonObject { ["items"] = items };

        var first = large.Expand(largeData);
        var second = small.Expand(JsonNode.Parse("""{ "name": "short" }"""));
        var third = large.Expand(largeData);

        Assert.True(first.Length > 16 * 1024);
        Assert.Equal("""{"text":"short"}""", second);
        Assert.Equal(first, third);
        Assert.Equal(2000, JsonNode.Parse(third)!["body"]!.AsArray().Count);
    }
}
