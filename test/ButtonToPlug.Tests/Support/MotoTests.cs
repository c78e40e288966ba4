namespace ButtonToPlug.Tests.Support;

/// <summary>Tests that share the one moto_server (and so the process-wide SSM endpoint variables).</summary>
[CollectionDefinition(Name)]
public sealed class MotoTests : ICollectionFixture<MotoFixture>
{
    public const string Name = "moto";
}
