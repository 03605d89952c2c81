namespace ImagingBot.Templating.Tests;

public sealed class CardTemplateCatalogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cards-").FullName;

    [Fact]
    public void The_cards_copied_to_the_output_load_and_fit_their_samples()
    {
        // build/Cards.props copies cards/ beside the assembly, as it will for the bot.
        var catalog = CardTemplateCatalog.Load(Path.Combine(AppContext.BaseDirectory, "cards"));

        Assert.Contains("recommendation", catalog.Names);
        Assert.Contains(catalog.Samples, s => s is { TemplateName: "recommendation", Variant: "v1" });
    }

    [Fact]
    public void A_template_with_a_broken_expression_fails_the_load_with_its_file_and_place()
    {
        Write("welcome.template.json", """{ "type": "AdaptiveCard", "body": [ { "type": "TextBlock", "text": "${upper(name)}" } ] }""");
        Write("welcome.data.json", """{ "name": "x" }""");

        var error = Assert.Throws<AdaptiveCardTemplateException>(() => CardTemplateCatalog.Load(_folder));

        Assert.Contains("welcome.template.json: /body/0/text: ${upper(name)}: the function 'upper' is not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sample_that_lacks_a_field_fails_the_load_and_names_the_field()
    {
        Write("question.template.json", """{ "type": "AdaptiveCard", "body": [ { "type": "TextBlock", "text": "${prompt}" } ] }""");
        Write("question.data.json", """{ "prompt": "Fever?" }""");
        Write("question.choice.data.json", """{ "promt": "Fever?" }""");

        var error = Assert.Throws<AdaptiveCardTemplateException>(() => CardTemplateCatalog.Load(_folder));

        Assert.Contains("question.choice.data.json in question.template.json: /body/0/text: 'prompt' is not in the data", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("question.data.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_without_sample_data_and_a_sample_without_template_both_fail_the_load()
    {
        Write("faq-list.template.json", """{ "type": "AdaptiveCard" }""");
        Write("faq-answer.data.json", "{}");

        var error = Assert.Throws<AdaptiveCardTemplateException>(() => CardTemplateCatalog.Load(_folder));

        Assert.Contains("faq-list.template.json: no sample data", error.Message, StringComparison.Ordinal);
        Assert.Contains("faq-answer.data.json: there is no template 'faq-answer.template.json'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_or_an_unknown_name_is_a_clear_error()
    {
        Assert.Throws<AdaptiveCardTemplateException>(() => CardTemplateCatalog.Load(Path.Combine(_folder, "nope")));

        Write("welcome.template.json", """{ "type": "AdaptiveCard" }""");
        Write("welcome.data.json", "{}");
        var catalog = CardTemplateCatalog.Load(_folder);
        var error = Assert.Throws<KeyNotFoundException>(() => catalog["welcom"]);
        Assert.Contains("welcom", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string name, string json) => File.WriteAllText(Path.Combine(_folder, name), json);
}
