namespace ImagingBot.Templating.Tests;

public class PlaceholderTests
{
    [Fact]
    public void Core_assembly_loads() => Assert.Equal("ImagingBot.Templating", typeof(ImagingBot.Templating.AssemblyMarker).Assembly.GetName().Name);
}
