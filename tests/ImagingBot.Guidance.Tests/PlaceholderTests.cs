namespace ImagingBot.Guidance.Tests;

public class PlaceholderTests
{
    [Fact]
    public void Core_assembly_loads() => Assert.Equal("ImagingBot.Guidance", typeof(ImagingBot.Guidance.AssemblyMarker).Assembly.GetName().Name);
}
