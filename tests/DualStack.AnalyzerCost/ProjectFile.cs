using Microsoft.CodeAnalysis.CSharp;

namespace DualStack.AnalyzerCost;

/// <summary>A global using the build generates from a <c>Using</c> item (implicit usings are such items too).</summary>
internal sealed record GlobalUsing(string Name, string? Alias, bool Static);

/// <summary>
/// What the tool needs from a *.csproj (a fetched repository has no restored packages): its C# files, project
/// references, assembly name, target frameworks, and the settings that change binding, all for the one target
/// framework it compiles (<see cref="CompiledFramework"/>). Read with the SDK's MSBuild evaluation
/// (<see cref="ProjectEvaluation"/>); when MSBuild cannot evaluate a project, from its XML (<see cref="ProjectXmlReader"/>).
/// </summary>
internal sealed record ProjectFile(
    string Path,
    string AssemblyName,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> ProjectReferences,
    IReadOnlyList<string> TargetFrameworks,
    string CompiledFramework,
    IReadOnlyList<string> DefineConstants,
    IReadOnlyList<string> InternalsVisibleTo,
    IReadOnlyList<GlobalUsing> Usings,
    bool Nullable,
    LanguageVersion LanguageVersion,
    string ReadBy)
{
    public string Directory => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>The project's OutputType: Exe and WinExe compile as applications (top-level statements need it).</summary>
    public bool IsApplication { get; init; }

    /// <summary>Why MSBuild evaluation was not used for this project (null when it was).</summary>
    public string? FallbackReason { get; init; }

    public static ProjectFile Load(string csprojPath, string repositoryRoot, ISet<string> projectDirectories)
    {
        if (MsBuildHost.Error is { } noMsBuild)
        {
            return ProjectXmlReader.Load(csprojPath, repositoryRoot, projectDirectories) with { FallbackReason = noMsBuild };
        }

        return Evaluate(csprojPath, projectDirectories, out var error)
            ?? ProjectXmlReader.Load(csprojPath, repositoryRoot, projectDirectories) with { FallbackReason = error };
    }

    // Its own method, so that Microsoft.Build is loaded only after MsBuildHost registered the SDK's copy.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ProjectFile? Evaluate(string csprojPath, ISet<string> projectDirectories, out string? error) =>
        ProjectEvaluation.TryLoad(csprojPath, projectDirectories, out error);

    /// <summary>
    /// The target framework whose inner build the tool compiles. Sources are compiled against the .NET 10 reference
    /// packs, so the newest .NET (Core) target is the closest; else the newest .NET Standard one; else the first.
    /// </summary>
    public static string ChooseCompiledFramework(IReadOnlyList<string> frameworks)
    {
        var known = frameworks.Where(f => !f.Contains("$(", StringComparison.Ordinal)).ToList();
        return known.Where(f => CompilationBuilder.FrameworkIdentifier(f) == ".NETCoreApp").OrderByDescending(FrameworkVersion).FirstOrDefault()
            ?? known.Where(f => CompilationBuilder.FrameworkIdentifier(f) == ".NETStandard").OrderByDescending(FrameworkVersion).FirstOrDefault()
            ?? known.FirstOrDefault()
            ?? "";
    }

    /// <summary>
    /// The preprocessor symbols of a build of <paramref name="framework"/>: the project's DefineConstants plus the
    /// framework symbols the SDK adds in its compile targets (NET8_0, NET6_0_OR_GREATER, NETSTANDARD2_0, NET472 …),
    /// which an evaluation alone does not produce.
    /// </summary>
    public static IReadOnlyList<string> CompileSymbols(string framework, IEnumerable<string> defineConstants) =>
        [.. defineConstants.Concat(FrameworkSymbols.For(framework)).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>True when <paramref name="source"/> lies in a folder of another project below this project's folder.</summary>
    public static bool InNestedProject(string source, string projectDirectory, ISet<string> projectDirectories)
    {
        if (!source.StartsWith(projectDirectory.TrimEnd('/') + "/", StringComparison.Ordinal))
        {
            return false;
        }

        for (var dir = System.IO.Path.GetDirectoryName(source); dir is not null && dir.Length > projectDirectory.Length; dir = System.IO.Path.GetDirectoryName(dir))
        {
            if (projectDirectories.Contains(dir))
            {
                return true;
            }
        }

        return false;
    }

    private static Version FrameworkVersion(string moniker)
    {
        var digits = new string([.. moniker.SkipWhile(c => !char.IsDigit(c)).TakeWhile(c => char.IsDigit(c) || c == '.')]);
        return Version.TryParse(digits.Contains('.', StringComparison.Ordinal) ? digits : digits + ".0", out var v) ? v : new Version(0, 0);
    }
}
