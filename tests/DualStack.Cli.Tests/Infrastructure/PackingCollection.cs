namespace DualStack.Cli.Tests;

/// <summary>
/// Tests that run <c>dotnet pack</c> on the tool project share its obj folder (publish and ReadyToRun output), so they
/// run one after another, never at the same time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackingCollection
{
    public const string Name = "dotnet pack of the tool";
}
