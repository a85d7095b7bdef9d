using Microsoft.Build.Definition;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Evaluation.Context;
using Microsoft.Build.Exceptions;
using Microsoft.Build.Execution;
using Microsoft.CodeAnalysis.CSharp;

namespace DualStack.AnalyzerCost;

/// <summary>
/// Reads a project the way a build does, with the installed SDK's MSBuild evaluation (no restore, no targets run):
/// Directory.Build.props and every <c>Import</c>, the SDK's implicit usings and <c>Using</c> items, conditions on the
/// target framework. A multi-targeted project is evaluated a second time for the framework the tool compiles
/// (<see cref="ProjectFile.ChooseCompiledFramework"/>), so its DefineConstants, items and settings are that inner build's.
/// </summary>
internal static class ProjectEvaluation
{
    // One evaluation context for the whole run: the SDK's imports, globs and SDK resolution are cached across projects.
    private static readonly EvaluationContext Context = EvaluationContext.Create(EvaluationContext.SharingPolicy.Shared);
    private static readonly ProjectCollection Collection = new();

    /// <summary>The project as its build sees it, or null with <paramref name="error"/> when MSBuild cannot evaluate it.</summary>
    public static ProjectFile? TryLoad(string csprojPath, ISet<string> projectDirectories, out string? error)
    {
        error = null;
        try
        {
            var outer = Evaluate(csprojPath, targetFramework: null);
            var frameworks = Split(outer.GetPropertyValue("TargetFrameworks") is { Length: > 0 } many ? many : outer.GetPropertyValue("TargetFramework"));
            if (frameworks.Count == 0 && outer.GetPropertyValue("TargetFrameworkVersion") is { Length: > 0 } legacy)
            {
                // Old-style project: v4.6.1 -> net461.
                frameworks.Add("net" + legacy.TrimStart('v').Replace(".", "", StringComparison.Ordinal));
            }

            var compiled = ProjectFile.ChooseCompiledFramework(frameworks);
            var inner = frameworks.Count > 1 && outer.GetPropertyValue("TargetFramework").Length == 0
                ? Evaluate(csprojPath, compiled)
                : outer;
            return Read(inner, csprojPath, frameworks, compiled, projectDirectories);
        }
        catch (InvalidProjectFileException e)
        {
            error = e.BaseMessage;
            return null;
        }
    }

    private static ProjectInstance Evaluate(string path, string? targetFramework)
    {
        var globals = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Configuration"] = "Release" };
        if (targetFramework is not null)
        {
            globals["TargetFramework"] = targetFramework;
        }

        return ProjectInstance.FromFile(path, new ProjectOptions
        {
            GlobalProperties = globals,
            ProjectCollection = Collection,
            EvaluationContext = Context,
            // Nothing is restored: imports NuGet would have generated (obj/*.nuget.g.props) are absent, as are custom
            // SDKs that only NuGet could resolve; the rest of the project still counts.
            LoadSettings = ProjectLoadSettings.IgnoreMissingImports | ProjectLoadSettings.IgnoreInvalidImports | ProjectLoadSettings.IgnoreEmptyImports,
        });
    }

    private static ProjectFile Read(ProjectInstance project, string csprojPath, IReadOnlyList<string> frameworks, string compiled, ISet<string> projectDirectories)
    {
        var directory = Path.GetDirectoryName(csprojPath)!;
        string FullPath(ProjectItemInstance item) => Path.GetFullPath(item.GetMetadataValue("FullPath") is { Length: > 0 } full ? full : Path.Combine(directory, item.EvaluatedInclude));

        var sources = project.GetItems("Compile")
            .Select(FullPath)
            .Where(p => p.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && File.Exists(p))
            .Where(p => !ProjectFile.InNestedProject(p, directory, projectDirectories))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var usings = project.GetItems("Using")
            .Select(u => new GlobalUsing(
                u.EvaluatedInclude,
                u.GetMetadataValue("Alias") is { Length: > 0 } alias ? alias : null,
                string.Equals(u.GetMetadataValue("Static"), "true", StringComparison.OrdinalIgnoreCase)))
            .Distinct()
            .ToList();
        var langVersion = project.GetPropertyValue("LangVersion");

        return new ProjectFile(
            csprojPath,
            project.GetPropertyValue("AssemblyName") is { Length: > 0 } name ? name : Path.GetFileNameWithoutExtension(csprojPath),
            sources,
            [.. project.GetItems("ProjectReference").Select(FullPath).Distinct(StringComparer.Ordinal)],
            frameworks,
            compiled,
            ProjectFile.CompileSymbols(compiled, Split(project.GetPropertyValue("DefineConstants"))),
            [.. project.GetItems("InternalsVisibleTo").Select(i => i.EvaluatedInclude)],
            usings,
            project.GetPropertyValue("Nullable") is "enable" or "annotations",
            LanguageVersionFacts.TryParse(langVersion, out var version) ? version : LanguageVersion.Default,
            "msbuild")
        {
            IsApplication = project.GetPropertyValue("OutputType") is { } output
                && (output.Equals("Exe", StringComparison.OrdinalIgnoreCase) || output.Equals("WinExe", StringComparison.OrdinalIgnoreCase)),
        };
    }

    private static List<string> Split(string value) =>
        [.. value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
