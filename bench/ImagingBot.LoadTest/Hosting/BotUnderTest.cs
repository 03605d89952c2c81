namespace ImagingBot.LoadTest.Hosting;

/// <summary>Which IBot the bench host serves: the echo floor or the real ImagingBot.</summary>
internal enum BotUnderTest
{
    Echo,
    ImagingBot,
}
