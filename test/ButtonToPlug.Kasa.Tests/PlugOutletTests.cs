namespace ButtonToPlug.Kasa.Tests;

public sealed class PlugOutletTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("5", 5)]
    [InlineData(" 2 ", 2)]
    [InlineData("01", 1)]
    public void Parse_SmallNumber_IsAnIndex(string text, int index)
    {
        var outlet = PlugOutlet.Parse(text);

        Assert.Equal(index, outlet.Index);
        Assert.Null(outlet.ChildId);
    }

    [Theory]
    [InlineData("8006A1B2C3D4E5F60718293A4B5C6D7E8F90123402")]
    [InlineData("8006a1b2c3d4e5f60718293a4b5c6d7e8f90123402")]
    public void Parse_HexId_IsAChildId(string text)
    {
        var outlet = PlugOutlet.Parse(text);

        Assert.Null(outlet.Index);
        Assert.Equal(text, outlet.ChildId);
        Assert.Equal(text, outlet.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-1")]
    [InlineData("outlet one")]
    [InlineData("1.5")]
    [InlineData(null)]
    public void TryParse_NeitherIndexNorId_IsRefused(string? text)
    {
        Assert.False(PlugOutlet.TryParse(text, out var outlet));
        Assert.Null(outlet);
    }

    [Fact]
    public void Parse_Garbage_ThrowsFormatExceptionThatExplainsTheForms()
    {
        var error = Assert.Throws<FormatException>(() => PlugOutlet.Parse("kitchen"));

        Assert.Contains("0-based index", error.Message, StringComparison.Ordinal);
    }
}
