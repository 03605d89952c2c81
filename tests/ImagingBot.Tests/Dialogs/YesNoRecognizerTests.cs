using ImagingBot.Dialogs;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Tests.Dialogs;

public class YesNoRecognizerTests
{
    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yes", true)]
    [InlineData("yes.", true)]
    [InlineData("  YES!  ", true)]
    [InlineData("y", true)]
    [InlineData("Y", true)]
    [InlineData("yeah", true)]
    [InlineData("yep", true)]
    [InlineData("Yup!", true)]
    [InlineData("sure", true)]
    [InlineData("correct", true)]
    [InlineData("true", true)]
    [InlineData("affirmative", true)]
    [InlineData("no", false)]
    [InlineData("NO!", false)]
    [InlineData("No.", false)]
    [InlineData("n", false)]
    [InlineData("nope", false)]
    [InlineData("nah", false)]
    [InlineData("negative", false)]
    [InlineData("no way", false)]
    [InlineData("No   way!!", false)]
    [InlineData("false", false)]
    [InlineData("maybe", null)]
    [InlineData("yess", null)]
    [InlineData("yes no", null)]
    [InlineData("not sure", null)]
    [InlineData("ok", null)]
    [InlineData("y e s", null)]
    [InlineData("no fever", null)]
    [InlineData("?", null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void A_typed_answer_is_read_as_yes_no_or_not_recognised(string? text, bool? expected)
    {
        Assert.Equal(expected, YesNoRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void A_button_answer_in_Value_wins_over_the_empty_text(object answer, bool expected)
    {
        var click = new Activity
        {
            Type = ActivityTypes.Message,
            Text = string.Empty,
            Value = new JObject { ["consultId"] = "c1", ["questionId"] = "fever", ["value"] = JToken.FromObject(answer) },
        };

        Assert.Equal(expected, YesNoRecognizer.Recognize(click));
    }
}
