namespace DualStack.EndToEnd.Tests;

/// <summary>
/// Packing the package restores this repository's own projects in place (their <c>obj</c> folders), while
/// <c>dotnet test Linter.sln</c> builds other projects beside these tests from the same folders. Those folders must
/// stay restored against the usual packages folder: restored against this run's temporary one, they point at packages
/// that vanish when the fixture is disposed, and a build reading them fails with NETSDK1064 (seen in CI).
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PackageFixtureIsolationTests
{
    private readonly PackageFixture _package;

    public PackageFixtureIsolationTests(PackageFixture package) => _package = package;

    [Theory]
    [InlineData("src/DualStack.CodeFixes")]
    [InlineData("src/DualStack.Analyzers")]
    [InlineData("src/DualStack.Build")]
    public void Packing_leaves_the_repository_projects_restored_against_the_usual_packages_folder(string project)
    {
        var assets = File.ReadAllText(Path.Combine(RepositoryPaths.Root, project, "obj", "project.assets.json"));

        Assert.DoesNotContain(_package.Packages, assets, StringComparison.Ordinal);
    }
}
