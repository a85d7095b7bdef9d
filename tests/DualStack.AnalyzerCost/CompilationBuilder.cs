using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DualStack.AnalyzerCost;

/// <summary>
/// Compiles each project of a repository from its sources against the .NET and ASP.NET Core reference packs of the
/// installed SDK, with its project references (transitively) as compilation references. NuGet dependencies are not
/// restored, so code that uses them binds to error types; the analyzers must cope with that as they do in an IDE
/// before restore.
/// </summary>
internal sealed class CompilationBuilder(ImmutableArray<MetadataReference> frameworkReferences)
{
    private readonly Dictionary<string, CSharpCompilation> _built = new(StringComparer.Ordinal);

    public static ImmutableArray<MetadataReference> ReferencePacks(string dotnetRoot, out string description)
    {
        var folders = new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" }
            .Select(pack => RefFolder(Path.Combine(dotnetRoot, "packs", pack)))
            .ToList();
        description = string.Join(", ", folders.Select(f => Path.GetRelativePath(dotnetRoot, f)));
        return [.. folders.SelectMany(f => Directory.EnumerateFiles(f, "*.dll")).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }

    /// <summary>The dotnet folder of the running runtime: …/shared/Microsoft.NETCore.App/10.0.x/ → ….</summary>
    public static string DefaultDotnetRoot() =>
        Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    /// <summary>The analyzers of the ASP.NET Core reference pack: analyzers/dotnet/cs of its newest version.</summary>
    public static string AspNetCoreAnalyzerFolder(string dotnetRoot)
    {
        var pack = Path.Combine(dotnetRoot, "packs", "Microsoft.AspNetCore.App.Ref");
        return Path.Combine(Newest(pack), "analyzers", "dotnet", "cs");
    }

    public CSharpCompilation Build(ProjectFile project, IReadOnlyDictionary<string, ProjectFile> projects)
    {
        if (_built.TryGetValue(project.Path, out var done))
        {
            return done;
        }

        // Guard against reference cycles (they exist in some repositories' test projects): a project in progress is skipped.
        _built[project.Path] = null!;
        var references = new List<MetadataReference>(frameworkReferences);
        foreach (var reference in Transitive(project, projects))
        {
            if (_built.TryGetValue(reference.Path, out var existing) && existing is null)
            {
                continue;
            }

            references.Add(Build(reference, projects).ToMetadataReference());
        }

        var parse = new CSharpParseOptions(project.LanguageVersion, DocumentationMode.None, SourceCodeKind.Regular, project.DefineConstants);
        var trees = project.Sources.Select(path => Parse(path, parse)).ToList();
        trees.Add(CSharpSyntaxTree.ParseText(Generated(project), parse, Path.Combine(project.Directory, "obj", "DualStack.AnalyzerCost.Generated.cs")));

        var options = new CSharpCompilationOptions(
            project.IsApplication ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            allowUnsafe: true,
            concurrentBuild: false,
            nullableContextOptions: project.Nullable ? NullableContextOptions.Enable : NullableContextOptions.Disable);
        var compilation = CSharpCompilation.Create(project.AssemblyName, trees, references, options);
        _built[project.Path] = compilation;
        return compilation;
    }

    /// <summary>
    /// What the build would pass the analyzers: the target framework (for a multi-targeted project, a .NET Framework or
    /// .NET Standard target when it has one, since the build runs the analyzers for that inner build too) and the settings
    /// files the DualStack.Lint package adds as AdditionalFiles.
    /// </summary>
    public static AnalyzerOptions AnalyzerOptionsFor(ProjectFile project)
    {
        var framework = project.TargetFrameworks.FirstOrDefault(f => f.StartsWith("net4", StringComparison.OrdinalIgnoreCase))
            ?? project.TargetFrameworks.FirstOrDefault(f => f.StartsWith("netstandard", StringComparison.OrdinalIgnoreCase))
            ?? project.TargetFrameworks.FirstOrDefault()
            ?? "net10.0";
        var global = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["build_property.TargetFramework"] = framework,
            ["build_property.TargetFrameworkIdentifier"] = FrameworkIdentifier(framework),
            ["build_property.TargetFrameworks"] = string.Join(';', project.TargetFrameworks),
            ["build_property.MSBuildProjectDirectory"] = project.Directory,
        };
        var settings = Directory.EnumerateFiles(project.Directory, "appsettings*.json")
            .Concat(Directory.Exists(Path.Combine(project.Directory, "Properties"))
                ? Directory.EnumerateFiles(Path.Combine(project.Directory, "Properties"), "launchSettings*.json")
                : [])
            .Select(p => (AdditionalText)new FileText(p));
        return new AnalyzerOptions([.. settings], new GlobalOptionsProvider(global));
    }

    /// <summary>MSBuild's TargetFrameworkIdentifier for a short moniker: net461 → .NETFramework, net8.0 → .NETCoreApp.</summary>
    internal static string FrameworkIdentifier(string moniker) =>
        moniker.StartsWith("netstandard", StringComparison.OrdinalIgnoreCase) ? ".NETStandard"
        : moniker.StartsWith("netcoreapp", StringComparison.OrdinalIgnoreCase) || moniker.Contains('.', StringComparison.Ordinal) ? ".NETCoreApp"
        : moniker.StartsWith("net", StringComparison.OrdinalIgnoreCase) ? ".NETFramework"
        : "";

    private static IEnumerable<ProjectFile> Transitive(ProjectFile project, IReadOnlyDictionary<string, ProjectFile> projects)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { project.Path };
        var pending = new Queue<string>(project.ProjectReferences);
        while (pending.Count > 0)
        {
            var path = pending.Dequeue();
            if (!seen.Add(path) || !projects.TryGetValue(path, out var reference))
            {
                continue;
            }

            yield return reference;
            foreach (var next in reference.ProjectReferences)
            {
                pending.Enqueue(next);
            }
        }
    }

    private static SyntaxTree Parse(string path, CSharpParseOptions options)
    {
        using var stream = File.OpenRead(path);
        return CSharpSyntaxTree.ParseText(SourceText.From(stream, Encoding.UTF8), options, path);
    }

    private static string Generated(ProjectFile project)
    {
        var text = new StringBuilder();
        // What the SDK's GenerateGlobalUsings writes to obj/*.GlobalUsings.g.cs.
        foreach (var item in project.Usings)
        {
            text.Append("global using ")
                .Append(item.Static ? "static " : "")
                .Append(item.Alias is { } alias ? alias + " = " : "")
                .Append("global::").Append(item.Name).AppendLine(";");
        }

        foreach (var friend in project.InternalsVisibleTo)
        {
            text.Append("[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"").Append(friend).AppendLine("\")]");
        }

        return text.ToString();
    }

    private static string RefFolder(string pack)
    {
        var refs = Path.Combine(Newest(pack), "ref");
        return Directory.EnumerateDirectories(refs).OrderBy(d => d, StringComparer.Ordinal).Last();
    }

    private static string Newest(string folder) =>
        Directory.EnumerateDirectories(folder)
            .OrderBy(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0))
            .LastOrDefault()
        ?? throw new DirectoryNotFoundException($"no version of {folder} is installed");

    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText? GetText(CancellationToken cancellationToken = default) =>
            SourceText.From(File.ReadAllText(Path), Encoding.UTF8);
    }

    private sealed class GlobalOptionsProvider(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _global = new(values);
        private static readonly Options Empty = new([]);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
