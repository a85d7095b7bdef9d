namespace DualStack.Cli.Tests;

/// <summary>
/// The tests that need the tool package. <c>dotnet pack</c> runs the Native AOT compile of the linux-x64 build (about
/// a minute of CPU), so the package is packed once per test run (<see cref="PackedTool"/>) and shared; the tests run
/// one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackingCollection : ICollectionFixture<PackedTool>
{
    public const string Name = "dotnet pack of the tool";
}
