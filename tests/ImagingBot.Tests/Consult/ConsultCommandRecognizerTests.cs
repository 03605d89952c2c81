using ImagingBot.Dialogs.Consult;

namespace ImagingBot.Tests.Consult;

public class ConsultCommandRecognizerTests
{
    [Theory]
    [InlineData("start", ConsultCommand.Start)]
    [InlineData("Start!", ConsultCommand.Start)]
    [InlineData("new", ConsultCommand.Start)]
    [InlineData("consult", ConsultCommand.Start)]
    [InlineData("  Start a consult. ", ConsultCommand.Start)]
    [InlineData("new consult", ConsultCommand.Start)]
    [InlineData("help", ConsultCommand.Help)]
    [InlineData("HELP?", ConsultCommand.Help)]
    [InlineData("faq", ConsultCommand.FaqList)]
    [InlineData("FAQs", ConsultCommand.FaqList)]
    [InlineData("cancel", ConsultCommand.Cancel)]
    public void Whole_commands_are_recognised_whatever_the_case_and_punctuation(string text, ConsultCommand command)
    {
        Assert.Equal(command, ConsultCommandRecognizer.FromText(text, out var oneLineCase));
        Assert.Equal(string.Empty, oneLineCase);
    }

    [Theory]
    [InlineData("help with contrast")]
    [InlineData("why contrast?")]
    [InlineData("new weakness, fever")]   // a case, not the "new" command
    [InlineData("starting dose of steroids")]
    [InlineData("yes")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_text_is_not_a_command(string? text)
    {
        Assert.Null(ConsultCommandRecognizer.FromText(text, out _));
    }

    [Theory]
    [InlineData("start 58F, breast cancer, fevers", "58F, breast cancer, fevers")]
    [InlineData("Start: 67 y, prior prostate cancer", "67 y, prior prostate cancer")]
    [InlineData("consult 45 y, IV drug use", "45 y, IV drug use")]
    [InlineData("new consult 45 y, fever", "45 y, fever")]
    public void A_start_command_may_carry_the_case_after_it(string text, string oneLineCase)
    {
        Assert.Equal(ConsultCommand.Start, ConsultCommandRecognizer.FromText(text, out var read));
        Assert.Equal(oneLineCase, read);
    }

    [Theory]
    [InlineData("new", ConsultCommand.Start)]
    [InlineData("help", ConsultCommand.Help)]
    [InlineData("faqList", ConsultCommand.FaqList)]
    [InlineData("answer", null)]
    [InlineData("start", null)]   // buttons send "new"; a forged action is not a typed command
    public void Card_actions_map_to_commands(string action, ConsultCommand? command)
    {
        Assert.Equal(command, ConsultCommandRecognizer.FromAction(action));
    }
}
