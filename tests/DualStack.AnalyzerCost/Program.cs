using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DualStack.AnalyzerCost;
using Microsoft.CodeAnalysis;

// Usage and method: README.md beside this file.
var options = CostOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(CostOptions.Usage);
    return 2;
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var repository = Path.GetFullPath(options.Repository).TrimEnd('/');
var relativeRoot = Path.GetDirectoryName(repository)!;
var dotnetRoot = options.DotnetRoot ?? CompilationBuilder.DefaultDotnetRoot();
var frameworkReferences = CompilationBuilder.ReferencePacks(dotnetRoot, out var packs);
var baselineFolder = options.BaselineFolder ?? CompilationBuilder.AspNetCoreAnalyzerFolder(dotnetRoot);
var baseline = AnalyzerSet.Load("baseline", Directory.EnumerateFiles(baselineFolder, "*.dll"));
var sets = options.AnalyzerSets.Select(s => AnalyzerSet.Load(s.Label, [s.Path])).ToList();
var results = sets.Select(s => new RepositoryResult(baseline, s)).ToList();

Console.WriteLine($"# {Path.GetFileName(repository)}");
Console.WriteLine();
Console.WriteLine($"- references: {packs} (under {dotnetRoot}); Roslyn {typeof(Compilation).Assembly.GetName().Version}; {Environment.ProcessorCount} cores; {RuntimeVersion()}");
Console.WriteLine($"- baseline: {baseline.Analyzers.Length} analyzers from {baselineFolder}");
foreach (var (set, spec) in sets.Zip(options.AnalyzerSets))
{
    Console.WriteLine($"- {set.Label}: {set.Analyzers.Length} analyzers from {spec.Path} ({File.GetLastWriteTimeUtc(spec.Path):yyyy-MM-dd HH:mm} UTC)");
}

foreach (var error in new[] { baseline }.Concat(sets).SelectMany(s => s.LoadErrors.Select(e => $"{s.Label}: {e}")))
{
    Console.WriteLine($"- not loaded: {error}");
}

// Projects: every *.csproj outside bin/obj; each compiles the *.cs files of its folder minus nested projects' folders.
var csprojs = Directory.EnumerateFiles(repository, "*.csproj", SearchOption.AllDirectories)
    .Where(p => !p.Split('/').Any(part => part is "bin" or "obj"))
    .Select(Path.GetFullPath)
    .Order(StringComparer.Ordinal)
    .ToList();
var projectDirectories = csprojs.Select(p => Path.GetDirectoryName(p)!).ToHashSet(StringComparer.Ordinal);
bool IsSelected(string path) =>
    (options.Include is null || options.Include.IsMatch(Path.GetRelativePath(repository, path)))
    && (options.Exclude is null || !options.Exclude.IsMatch(Path.GetRelativePath(repository, path)));

// Only the selected projects and the projects they reference (transitively) are read: an evaluation costs about a
// quarter of a second, and large repositories hold hundreds of test and sample projects.
var projects = new Dictionary<string, ProjectFile>(StringComparer.Ordinal);
var known = csprojs.ToHashSet(StringComparer.Ordinal);
var tried = new HashSet<string>(StringComparer.Ordinal);
var pending = new Queue<string>(csprojs.Where(IsSelected));
var reading = Stopwatch.StartNew();
while (pending.TryDequeue(out var csproj))
{
    if (!tried.Add(csproj))
    {
        continue;
    }

    try
    {
        var project = ProjectFile.Load(csproj, repository, projectDirectories);
        projects[csproj] = project;
        foreach (var reference in project.ProjectReferences.Where(known.Contains))
        {
            pending.Enqueue(reference);
        }
    }
    catch (Exception e) when (e is System.Xml.XmlException or IOException)
    {
        Console.WriteLine($"- skipped {Path.GetRelativePath(repository, csproj)}: {e.Message}");
    }
}

var fallbacks = projects.Values.Where(p => p.FallbackReason is not null).ToList();
Console.WriteLine($"- projects read (selected and referenced): {projects.Count - fallbacks.Count} of {projects.Count} by MSBuild evaluation (SDK {MsBuildHost.SdkVersion ?? "none"}), {fallbacks.Count} from their XML; {reading.Elapsed.TotalSeconds:F1} s");
foreach (var project in fallbacks.Take(10))
{
    Console.WriteLine($"  - read as XML: {Path.GetRelativePath(repository, project.Path)}: {project.FallbackReason}");
}

var selected = projects.Values
    .Where(p => IsSelected(p.Path) && p.Sources.Count > 0)
    .OrderBy(p => p.Path, StringComparer.Ordinal)
    .ToList();

var builder = new CompilationBuilder(frameworkReferences);

// First in every pass: the compilation's symbol set-up, reported on its own instead of charged to the first analyzer.
var probe = new SymbolSetupProbe();

// The compiler alone over a small file before anything: the compiler's own JIT is paid by the compiler server of any
// build long before our analyzers run. The analyzers' JIT is left to each set's warm-up pass below.
await Warmup.RunAsync(frameworkReferences, [probe]);

// One warm-up pass per set over the repository's largest project, timed but in none of the figures: the cold first
// pass (JIT of the analyzer DLLs included), which a build's compiler server pays once and keeps across projects and
// builds. The report prints it on a line of its own.
if (selected.OrderByDescending(p => p.Sources.Count).FirstOrDefault() is { } largest)
{
    var largestCompilation = builder.Build(largest, projects);
    foreach (var result in results)
    {
        result.AddWarmup(await AnalyzerRun.RunAsync(largestCompilation, [probe, .. baseline.Analyzers, .. result.Set.Analyzers],
            CompilationBuilder.AnalyzerOptionsFor(largest), logExecutionTime: true), Path.GetRelativePath(repository, largest.Path));
    }
}

int files = 0, lines = 0, errors = 0;
var compileTime = TimeSpan.Zero;
var total = Stopwatch.StartNew();
foreach (var (project, index) in selected.Select((p, i) => (p, i)))
{
    var name = Path.GetRelativePath(repository, project.Path);
    var started = Stopwatch.StartNew();
    var compilation = builder.Build(project, projects);
    var analyzerOptions = CompilationBuilder.AnalyzerOptionsFor(project);
    files += project.Sources.Count;
    lines += compilation.SyntaxTrees.Sum(t => t.GetText().Lines.Count);
    compileTime += started.Elapsed;

    // 1. Per-analyzer execution time and findings: baseline and one DS1xxx set together, timing on, --passes timed
    //    passes per set whose per-analyzer medians are the figures. The order of the sets alternates between passes
    //    and projects so that no set always runs first.
    var passes = results.ToDictionary(r => r, _ => new List<PassResult>());
    for (var pass = 0; pass < options.Passes; pass++)
    {
        foreach (var result in PassStatistics.InGivenOrder(index, pass) ? results : Enumerable.Reverse(results))
        {
            passes[result].Add(await AnalyzerRun.RunAsync(compilation, [probe, .. baseline.Analyzers, .. result.Set.Analyzers], analyzerOptions, logExecutionTime: true));
        }
    }

    foreach (var result in results)
    {
        result.AddProject(passes[result], relativeRoot);
    }

    // Compiler errors are the same for every set and pass; count them once.
    errors += passes[results[0]][0].Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", StringComparison.Ordinal));

    // 2. Added wall time: compiler + baseline against compiler + baseline + DS1xxx, timing off, best of --repeat passes.
    if (options.Repeat > 0)
    {
        var best = new TimeSpan[results.Count + 1];
        var bestCpu = new TimeSpan[results.Count + 1];
        var roundWall = new TimeSpan[results.Count + 1];
        var roundCpu = new TimeSpan[results.Count + 1];
        Array.Fill(best, TimeSpan.MaxValue);
        Array.Fill(bestCpu, TimeSpan.MaxValue);
        for (var round = 0; round < options.Repeat; round++)
        {
            // Alternate the order of the passes between rounds so that neither side always runs first.
            var sides = Enumerable.Range(0, results.Count + 1).Where(i => i == 0 || TimesAdded(results[i - 1])).ToList();
            foreach (var i in round % 2 == 0 ? sides : Enumerable.Reverse(sides))
            {
                ImmutableArray<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer> analyzers =
                    i == 0 ? [probe, .. baseline.Analyzers] : [probe, .. baseline.Analyzers, .. results[i - 1].Set.Analyzers];
                var untimed = await AnalyzerRun.RunAsync(compilation, analyzers, analyzerOptions, false);
                best[i] = Min(best[i], untimed.Wall);
                bestCpu[i] = Min(bestCpu[i], untimed.Cpu);
                roundWall[i] = untimed.Wall;
                roundCpu[i] = untimed.Cpu;
            }

            // The same figure per round (summed over projects), so that the report can show its spread.
            for (var i = 0; i < results.Count; i++)
            {
                if (!TimesAdded(results[i]))
                {
                    continue;
                }

                results[i].AddRound(round, roundWall[i + 1] - roundWall[0], roundCpu[i + 1] - roundCpu[0]);
            }
        }

        for (var i = 0; i < results.Count; i++)
        {
            if (!TimesAdded(results[i]))
            {
                continue;
            }

            results[i].BaselineWall += best[0];
            results[i].WithSetWall += best[i + 1];
            results[i].BaselineCpu += bestCpu[0];
            results[i].WithSetCpu += bestCpu[i + 1];
        }
    }

    Console.Error.WriteLine($"[{index + 1}/{selected.Count}] {name}: {project.Sources.Count} files, {started.Elapsed.TotalSeconds:F1} s");
}

Console.WriteLine($"- measured: {selected.Count} of {csprojs.Count} projects, {files:N0} files, {lines:N0} lines; {errors:N0} compiler errors (unrestored NuGet dependencies bind to error types); parse+setup {compileTime.TotalSeconds:F1} s; whole run {total.Elapsed.TotalSeconds:F0} s");
if (options.Include is not null || options.Exclude is not null)
{
    Console.WriteLine($"- project filter: include `{options.Include}` exclude `{options.Exclude}`");
}

foreach (var result in results)
{
    Report.Print(result, options.Repeat);
}

if (options.FindingsFile is { } findingsFile)
{
    foreach (var result in results)
    {
        var path = results.Count == 1 ? findingsFile : Path.ChangeExtension(findingsFile, null) + "." + result.Set.Label + Path.GetExtension(findingsFile);
        File.WriteAllLines(path, result.Findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).Select(f => f.ToString()));
        Console.WriteLine($"- findings of {result.Set.Label} written to {path}");
    }
}

if (options.LabelsFile is { } labelsFile)
{
    var prefix = Path.GetFileName(repository) + "/";
    var labels = Label.Parse(File.ReadLines(labelsFile)).Where(l => l.File.StartsWith(prefix, StringComparison.Ordinal)).ToList();
    foreach (var result in results)
    {
        Report.PrintScore(result.Set.Label, LabelScore.Score(labels, result.Findings), labelsFile);
    }
}

return 0;

static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

// --added-sets: the sets whose added time is measured (all by default); rounds cost a pass per set.
bool TimesAdded(RepositoryResult result) => options.AddedSets is null || options.AddedSets.Contains(result.Set.Label);

static string RuntimeVersion() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;

/// <summary>Command-line options (see Usage).</summary>
internal sealed record CostOptions(
    string Repository,
    IReadOnlyList<(string Label, string Path)> AnalyzerSets,
    string? BaselineFolder,
    string? DotnetRoot,
    Regex? Include,
    Regex? Exclude,
    int Repeat,
    int Passes,
    string? FindingsFile,
    string? LabelsFile,
    IReadOnlySet<string>? AddedSets)
{
    public const string Usage = """
        usage: DualStack.AnalyzerCost <repository-folder> [options]
          --ds LABEL=PATH     a DS1xxx analyzer DLL to measure (repeatable: builds side by side);
                              default main=the newest DualStack.Analyzers.dll under src/DualStack.Analyzers/bin of this clone
          --baseline DIR      baseline analyzers (default: the SDK's Microsoft.AspNetCore.App.Ref analyzers/dotnet/cs)
          --dotnet-root DIR   where packs/ are (default: the running runtime's dotnet folder)
          --include REGEX     only projects whose path relative to the repository matches
          --exclude REGEX     skip projects whose relative path matches
          --passes N          timed passes per set and project (default 5; one untimed warm-up pass per set over
                              the largest project first): each analyzer's figure is its median (and minimum) over
                              them, summed over projects
          --repeat N          passes for the added-wall-time figure, best of N (default 1; 0 skips it)
          --added-sets A,B    measure the added time only for these --ds labels (default: every set)
          --findings FILE     write every DS1xxx finding (file:line:col id severity message); with several --ds,
                              the label goes before the extension
          --labels FILE       score findings against a labelled list (TP/OK lines, see Labels.cs)
        """;

    public static CostOptions? Parse(string[] args)
    {
        string? repository = null, baseline = null, dotnetRoot = null, findings = null, labels = null;
        HashSet<string>? addedSets = null;
        Regex? include = null, exclude = null;
        var repeat = 1;
        var passes = 5;
        var sets = new List<(string, string)>();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--ds":
                    var spec = Next();
                    var eq = spec.IndexOf('=', StringComparison.Ordinal);
                    sets.Add(eq > 0 ? (spec[..eq], spec[(eq + 1)..]) : (Path.GetFileName(Path.GetDirectoryName(spec)) ?? "ds", spec));
                    break;
                case "--baseline": baseline = Next(); break;
                case "--dotnet-root": dotnetRoot = Next(); break;
                case "--include": include = new Regex(Next(), RegexOptions.CultureInvariant); break;
                case "--exclude": exclude = new Regex(Next(), RegexOptions.CultureInvariant); break;
                case "--repeat": repeat = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--passes": passes = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--findings": findings = Next(); break;
                case "--labels": labels = Next(); break;
                case "--added-sets": addedSets = [.. Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]; break;
                case "-h" or "--help": return null;
                default:
                    if (args[i].StartsWith('-') || repository is not null)
                    {
                        return null;
                    }

                    repository = args[i];
                    break;
            }
        }

        if (repository is null || !Directory.Exists(repository) || passes < 1 || repeat < 0)
        {
            return null;
        }

        if (sets.Count == 0)
        {
            sets.Add(("main", DefaultAnalyzerDll()));
        }

        return new CostOptions(repository, [.. sets.Select(s => (s.Item1, Path.GetFullPath(s.Item2)))], baseline, dotnetRoot, include, exclude, repeat, passes, findings, labels, addedSets);
    }

    /// <summary>The DS1xxx analyzers built in this clone (the tool's project builds them first).</summary>
    private static string DefaultAnalyzerDll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var bin = Path.Combine(dir.FullName, "src", "DualStack.Analyzers", "bin");
            if (File.Exists(Path.Combine(dir.FullName, "Linter.sln")) && Directory.Exists(bin))
            {
                return Directory.EnumerateFiles(bin, "DualStack.Analyzers.dll", SearchOption.AllDirectories)
                    .OrderByDescending(File.GetLastWriteTimeUtc)
                    .First();
            }
        }

        throw new FileNotFoundException("no built DualStack.Analyzers.dll found above the tool; build src/DualStack.Analyzers or pass --ds");
    }
}
