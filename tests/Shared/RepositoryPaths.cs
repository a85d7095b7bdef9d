namespace DualStack.Tests;

/// <summary>
/// Finds the repository root (the folder holding Linter.sln) and the workplace's <c>shared/</c> folder beside the
/// clone. Tests that read <c>shared/</c> use <see cref="SharedFactAttribute"/> so a fresh clone without it still passes.
/// </summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root.</summary>
    public static string Root => RootPath.Value;

    /// <summary><c>rules/</c> in the repository.</summary>
    public static string RulesDirectory => Path.Combine(Root, "rules");

    /// <summary><c>../shared</c> beside the clone, or null when absent.</summary>
    public static string? Shared
    {
        get
        {
            var candidate = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(candidate) ? candidate : null;
        }
    }

    /// <summary>A path below <c>../shared</c>; only call from tests marked <see cref="SharedFactAttribute"/>.</summary>
    public static string InShared(params string[] parts) =>
        Path.Combine([Shared ?? throw new InvalidOperationException("shared/ is not beside the clone."), .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Linter.sln")))
            {
                return dir.FullName;
            }

            dir = dir.Parent;
        }

        throw new InvalidOperationException("Linter.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that reads <c>../shared/</c> (corpus, specs); skipped when that folder is not beside the clone.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (RepositoryPaths.Shared is null)
        {
            Skip = "../shared is not beside the clone";
        }
    }
}

/// <summary>A theory that reads <c>../shared/</c>; skipped when that folder is not beside the clone.</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute()
    {
        if (RepositoryPaths.Shared is null)
        {
            Skip = "../shared is not beside the clone";
        }
    }
}
