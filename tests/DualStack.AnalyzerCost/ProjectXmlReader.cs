using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace DualStack.AnalyzerCost;

/// <summary>
/// The fallback reader, for a project MSBuild cannot evaluate here (an SDK only NuGet could resolve, a broken import):
/// the project's XML and every Directory.Build.props above it (later wins), with simple <c>$(Name)</c> substitution;
/// conditional properties count only when no unconditional one exists, conditional items are ignored, other imports
/// are not followed and implicit usings are the SDK's usual list.
/// </summary>
internal static partial class ProjectXmlReader
{
    private static readonly string[] CommonUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly string[] WebUsings =
    [
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    public static ProjectFile Load(string csprojPath, string repositoryRoot, ISet<string> projectDirectories)
    {
        var project = XDocument.Load(csprojPath).Root!;
        var directory = System.IO.Path.GetDirectoryName(csprojPath)!;
        var properties = ReadProperties(csprojPath, repositoryRoot, project);
        string Property(string name) => properties.TryGetValue(name, out var value) ? value : "";

        var sdk = (string?)project.Attribute("Sdk") ?? "";
        var sdkStyle = sdk.Length > 0 || project.Elements().Any(e => e.Name.LocalName == "Sdk");
        var sources = new HashSet<string>(StringComparer.Ordinal);
        if (sdkStyle && !Property("EnableDefaultCompileItems").Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            sources.UnionWith(DefaultCompileItems(directory, projectDirectories));
        }


        foreach (var item in Items(project, "Compile", "Include"))
        {
            sources.UnionWith(Glob.Expand(directory, Substitute(item, properties)));
        }

        foreach (var item in Items(project, "Compile", "Remove"))
        {
            sources.ExceptWith(Glob.Expand(directory, Substitute(item, properties)));
        }

        var references = Items(project, "ProjectReference", "Include")
            .SelectMany(i => Substitute(i, properties).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(r => System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, r.Replace('\\', '/'))))
            .Distinct()
            .ToList();

        var frameworks = (Property("TargetFrameworks") is { Length: > 0 } many ? many : Property("TargetFramework"))
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(f => !f.Contains("$(", StringComparison.Ordinal))
            .ToList();
        if (frameworks.Count == 0 && Property("TargetFrameworkVersion") is { Length: > 0 } legacy)
        {
            // Old-style project: v4.6.1 -> net461.
            frameworks.Add("net" + legacy.TrimStart('v').Replace(".", "", StringComparison.Ordinal));
        }

        var assemblyName = Property("AssemblyName") is { Length: > 0 } name && !name.Contains("$(", StringComparison.Ordinal)
            ? name
            : System.IO.Path.GetFileNameWithoutExtension(csprojPath);

        var implicitUsings = Property("ImplicitUsings") is "enable" or "true";
        var web = sdk.Contains("Web", StringComparison.OrdinalIgnoreCase);
        var compiled = ProjectFile.ChooseCompiledFramework(frameworks);
        return new ProjectFile(
            csprojPath,
            assemblyName,
            [.. sources.Order(StringComparer.Ordinal)],
            references,
            frameworks,
            compiled,
            ProjectFile.CompileSymbols(compiled, ["TRACE", "RELEASE", .. Property("DefineConstants").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(c => !c.Contains('$', StringComparison.Ordinal))]),
            [.. Items(project, "InternalsVisibleTo", "Include").Select(i => Substitute(i, properties))],
            implicitUsings ? [.. (web ? CommonUsings.Concat(WebUsings) : CommonUsings).Select(n => new GlobalUsing(n, null, false))] : [],
            Property("Nullable") is "enable" or "annotations",
            LanguageVersionFacts.TryParse(Property("LangVersion"), out var version) ? version : LanguageVersion.Default,
            "xml")
        {
            IsApplication = web || Property("OutputType") is "Exe" or "exe" or "WinExe" or "winexe",
        };
    }

    /// <summary>Every *.cs below the project folder, except bin/obj and folders that hold another project.</summary>
    private static IEnumerable<string> DefaultCompileItems(string directory, ISet<string> projectDirectories)
    {
        var pending = new Stack<string>([directory]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var file in System.IO.Directory.EnumerateFiles(current, "*.cs"))
            {
                yield return System.IO.Path.GetFullPath(file);
            }

            foreach (var sub in System.IO.Directory.EnumerateDirectories(current))
            {
                var name = System.IO.Path.GetFileName(sub);
                if (name is "bin" or "obj" || name.StartsWith('.') || projectDirectories.Contains(Path.GetFullPath(sub)))
                {
                    continue;
                }

                pending.Push(sub);
            }
        }
    }

    private static IEnumerable<string> Items(XElement project, string itemName, string attribute) =>
        project.Descendants()
            .Where(e => e.Name.LocalName == itemName && e.Parent?.Name.LocalName == "ItemGroup"
                        && e.Attribute("Condition") is null && e.Parent.Attribute("Condition") is null)
            .Select(e => (string?)e.Attribute(attribute))
            .OfType<string>()
            .SelectMany(v => v.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static Dictionary<string, string> ReadProperties(string csprojPath, string repositoryRoot, XElement project)
    {
        // Directory.Build.props from the repository root down to the project, then the project itself.
        var files = new List<XElement>();
        var root = System.IO.Path.GetFullPath(repositoryRoot);
        for (var dir = new DirectoryInfo(System.IO.Path.GetDirectoryName(csprojPath)!); dir is not null; dir = dir.Parent)
        {
            var props = System.IO.Path.Combine(dir.FullName, "Directory.Build.props");
            if (File.Exists(props))
            {
                try
                {
                    files.Insert(0, XDocument.Load(props).Root!);
                }
                catch (System.Xml.XmlException)
                {
                    // An unreadable props file changes settings only; the sources are still measured.
                }
            }

            if (string.Equals(dir.FullName.TrimEnd('/'), root.TrimEnd('/'), StringComparison.Ordinal))
            {
                break;
            }
        }

        files.Add(project);
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["MSBuildProjectName"] = System.IO.Path.GetFileNameWithoutExtension(csprojPath),
            ["MSBuildProjectDirectory"] = System.IO.Path.GetDirectoryName(csprojPath)!,
            ["MSBuildThisFileDirectory"] = System.IO.Path.GetDirectoryName(csprojPath)! + "/",
        };
        var conditional = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            foreach (var element in file.Descendants().Where(e => e.Parent?.Name.LocalName == "PropertyGroup"))
            {
                var isConditional = element.Attribute("Condition") is not null || element.Parent!.Attribute("Condition") is not null;
                var value = Substitute(element.Value.Trim(), properties);
                if (isConditional)
                {
                    conditional.TryAdd(element.Name.LocalName, value);
                }
                else
                {
                    properties[element.Name.LocalName] = value;
                }
            }
        }

        foreach (var (name, value) in conditional)
        {
            properties.TryAdd(name, value);
        }

        return properties;
    }

    private static string Substitute(string text, IReadOnlyDictionary<string, string> properties) =>
        PropertyReference().Replace(text, m => properties.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex PropertyReference();
}
