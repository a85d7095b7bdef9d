namespace DualStack.EndToEnd.Tests;

/// <summary>
/// Packs DualStack.Lint once per test run with a unique version into a temporary folder feed; the samples that
/// consume it restore into a temporary NuGet packages folder, so no test sees a stale package from an earlier run
/// and nothing is left in the user's packages folder.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        Root = Directory.CreateTempSubdirectory("dslint-e2e-").FullName;
        Feed = Path.Combine(Root, "feed");
        Packages = Path.Combine(Root, "packages");
        Version = "1.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "." + System.Environment.ProcessId;
        var project = Path.Combine(RepositoryPaths.Root, "nuget", "DualStack.Lint", "DualStack.Lint.csproj");
        // The pack restores this repository's projects in their own obj folders, which the solution build running
        // beside these tests reads too: it uses the usual packages folder, not the temporary one, which is deleted at
        // the end of the run (assets pointing into it broke that build with NETSDK1064).
        var pack = DotNet.Run(RepositoryPaths.Root, new Dictionary<string, string>(), "pack", project, "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-nodeReuse:false");
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + pack);
        }
    }

    public string Root { get; }

    public string Feed { get; }

    public string Packages { get; }

    public string Version { get; }

    /// <summary>The environment for every dotnet call on a sample: the temporary packages folder.</summary>
    public IReadOnlyDictionary<string, string> Environment() => new Dictionary<string, string> { ["NUGET_PACKAGES"] = Packages };

    /// <summary>
    /// Copies a sample (and the samples' shared files) into a fresh folder wired to the temporary feed.
    /// Returns the project folder.
    /// </summary>
    public string CopySample(string sample)
    {
        var root = Path.Combine(Root, "work-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        var source = Path.Combine(RepositoryPaths.Root, "samples");
        CopyDirectory(Path.Combine(source, sample), Path.Combine(root, sample));
        foreach (var shared in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", ".editorconfig" })
        {
            File.Copy(Path.Combine(source, shared), Path.Combine(root, shared));
        }

        File.WriteAllText(Path.Combine(root, "global.json"), File.ReadAllText(Path.Combine(RepositoryPaths.Root, "global.json")));
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="e2e" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        return Path.Combine(root, sample);
    }

    /// <summary>Builds a project folder with the package version of this run.</summary>
    public DotNet.Result Build(string projectDirectory, params string[] extra) =>
        DotNet.Run(projectDirectory, Environment(), ["build", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-p:DualStackLintVersion=" + Version, .. extra]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is cleaned by the OS later.
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(dir);
            if (name is "bin" or "obj")
            {
                continue;
            }

            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal) || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "package";
}
