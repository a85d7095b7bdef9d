using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DualStack.AnalyzerCost;

/// <summary>
/// Analyzers loaded from DLLs, each DLL folder in its own load context (two builds of DualStack.Analyzers side by side
/// have the same assembly name), sharing the tool's Roslyn the way a compiler host shares its own.
/// </summary>
internal sealed class AnalyzerSet
{
    private AnalyzerSet(string label, ImmutableArray<DiagnosticAnalyzer> analyzers, IReadOnlyList<string> loadErrors)
    {
        Label = label;
        Analyzers = analyzers;
        LoadErrors = loadErrors;
        Ids = [.. analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id)];
    }

    public string Label { get; }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public ImmutableHashSet<string> Ids { get; }

    /// <summary>Types that could not be loaded or created (for the ASP.NET Core pack: IDE-only code fixes and the like).</summary>
    public IReadOnlyList<string> LoadErrors { get; }

    public static AnalyzerSet Load(string label, IEnumerable<string> dllPaths)
    {
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        var errors = new List<string>();
        foreach (var group in dllPaths.Select(Path.GetFullPath).GroupBy(Path.GetDirectoryName))
        {
            var context = new FolderLoadContext(label, group.Key!);
            foreach (var path in group)
            {
                Assembly assembly;
                try
                {
                    assembly = context.LoadFromAssemblyPath(path);
                }
                catch (Exception e) when (e is BadImageFormatException or FileLoadException)
                {
                    errors.Add($"{Path.GetFileName(path)}: {e.Message}");
                    continue;
                }

                foreach (var type in LoadableTypes(assembly, errors))
                {
                    if (type.IsAbstract || !typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                        || type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not { } attribute
                        || !attribute.Languages.Contains(LanguageNames.CSharp))
                    {
                        continue;
                    }

                    try
                    {
                        analyzers.Add((DiagnosticAnalyzer)Activator.CreateInstance(type)!);
                    }
                    catch (Exception e)
                    {
                        errors.Add($"{type.FullName}: {e.GetType().Name}: {e.Message}");
                    }
                }
            }
        }

        return new AnalyzerSet(label, analyzers.ToImmutable(), errors);
    }

    /// <summary>A short name for an analyzer: its type name and the rule ids it reports.</summary>
    public static string NameOf(DiagnosticAnalyzer analyzer)
    {
        var ids = analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        var shown = ids.Count <= 4 ? string.Join(",", ids) : $"{ids[0]}…{ids[^1]} ({ids.Count} ids)";
        return $"{analyzer.GetType().Name} [{shown}]";
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly, List<string> errors)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            errors.Add($"{assembly.GetName().Name}: {e.LoaderExceptions.Length} types not loadable ({e.LoaderExceptions.FirstOrDefault()?.Message})");
            return e.Types.OfType<Type>();
        }
    }

    /// <summary>Resolves an analyzer's own dependencies from its folder; Roslyn and the framework come from the tool.</summary>
    private sealed class FolderLoadContext(string label, string folder) : AssemblyLoadContext($"{label}:{folder}")
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var name = assemblyName.Name ?? "";
            if (name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || name.StartsWith("System.", StringComparison.Ordinal)
                || name is "System" or "netstandard" or "mscorlib")
            {
                return null;
            }

            var candidate = Path.Combine(folder, name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}
