using System.Globalization;
using DualStack.Cli.Baseline;
using DualStack.Cli.CommandLine;
using DualStack.Cli.Fixing;
using DualStack.Cli.Input;
using DualStack.Cli.Output;
using DualStack.Manifests.Configuration;
using DualStack.Manifests.Engine;
using DualStack.Rules;

namespace DualStack.Cli.Lint;

/// <summary>
/// <c>dslint lint</c>: collect and read the inputs, resolve configuration (editorconfig by each input's path, then the
/// command line), run the engine, optionally fix, and print the report. Every check lives in the engine.
/// </summary>
internal static class LintRunner
{
    public static int Run(LintSettings settings, ConsoleStreams console)
    {
        var collector = new InputCollector(console.CurrentDirectory, ExcludeFilter.Create(settings.Excludes, console.CurrentDirectory));
        var collected = collector.Collect(settings.Paths);
        if (settings.Fix && collected.Contains(InputCollector.StandardInputName))
        {
            throw new CliException("--fix cannot change standard input; give the files to fix as paths");
        }

        // A missing or broken baseline stops the run before anything is linted or fixed.
        var baseline = BaselineOptions.Open(settings.Baseline, settings.WriteBaseline, console.CurrentDirectory);

        var (resolved, paths) = ConfiguredInputs.Resolve(collector, collected, settings.StdinFileName, settings.Verbose, settings.ToConfigurationRequest, console);

        using var progress = new ProgressIndicator(console.Error, console.ErrorIsTerminal);
        var configuration = resolved.Configuration;
        var inputSource = new InputSource(collector, console.OpenStandardInput, settings.StdinFileName, console.CurrentDirectory, configuration);
        LintResult result;
        var (fixedCount, filesChanged) = (0, 0);
        var notFixed = new List<string>();
        if (settings.Fix)
        {
            // Fixing needs every text as it was linted, to write it back only if the file is still the same.
            progress.Report(string.Create(CultureInfo.InvariantCulture, $"reading {paths.Count} files"));
            var inputs = InputReader.Read(paths, inputSource).ToList();
            progress.Report(string.Create(CultureInfo.InvariantCulture, $"linting {inputs.Count} files"));
            var lint = RenderedInputs.Linter(settings, console.CurrentDirectory, configuration);
            result = lint(inputs);
            progress.Report("applying fixes");
            (result, fixedCount, filesChanged) = FixRunner.Run(inputs, configuration, result, notFixed, lint, baseline.Fixable);
        }
        else
        {
            // Each file is read when the engine gets to it, so memory follows the largest files, not all of them.
            progress.Report(string.Create(CultureInfo.InvariantCulture, $"linting {paths.Count} files"));
            var inputs = new LazyInputs(paths, inputSource);
            result = RenderedInputs.LintLazily(inputs, settings, console.CurrentDirectory, configuration);
        }

        progress.Dispose();
        ConfigurationReport.WriteWarnings(resolved, console);
        foreach (var file in notFixed)
        {
            console.Error.WriteLine("dslint: warning: " + TerminalText.Escape(file));
        }

        if (result.Objects == 0 && (settings.FailIfNoObjects || !settings.Quiet))
        {
            console.Error.WriteLine(NothingLinted(result, settings.FailIfNoObjects));
        }

        var baselined = baseline.Apply(result.Findings.Where(f => f.Severity >= Severity.Info).ToList());
        var shown = baselined.New;
        var failing = shown.Any(f => f.Severity == Severity.Error || (settings.WarnAsError && f.Severity == Severity.Warning))
            || (settings.FailIfNoObjects && result.Objects == 0);
        var report = new LintReport
        {
            Findings = shown,
            Files = result.Files,
            Documents = result.Documents,
            ExitCode = failing ? ExitCodes.Findings : ExitCodes.Success,
            Locator = new ArtifactLocator(console.CurrentDirectory),
            ClusterModelSources = result.ClusterModelSources,
            Baseline = baseline.InUse ? new BaselineSummary(baseline.DisplayName!, baselined.Suppressed, baselined.StaleEntries) : null,
        };

        var toConsole = settings.OutputFile is null;
        // An --output file gets colour only when asked for explicitly; FORCE_COLOR is for consoles and CI logs.
        var style = toConsole
            ? TextStyle.Resolve(settings.Color, settings.NoColor, console.IsTerminal)
            : TextStyle.Resolve(settings.Color == TextStyle.Always ? TextStyle.Always : TextStyle.Never, settings.NoColor, writingToTerminal: false);
        var formatter = OutputFormat.Create(settings.Format, style, settings.Quiet);
        WriteReport(formatter, report, settings.OutputFile, console);

        if (!settings.Quiet)
        {
            if (settings.Format == OutputFormat.Text)
            {
                foreach (var source in report.ClusterModelSources)
                {
                    console.Error.WriteLine("dslint: cluster model from " + TerminalText.Escape(source));
                }
            }

            if (settings.WriteBaseline is not null)
            {
                var count = baselined.Suppressed.Count;
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dslint: wrote the baseline {TerminalText.Escape(settings.WriteBaseline)} with {count} finding{(count == 1 ? "" : "s")}"));
            }

            if (settings.Fix)
            {
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dslint: fixed {fixedCount} problem{(fixedCount == 1 ? "" : "s")} in {filesChanged} file{(filesChanged == 1 ? "" : "s")}"));
            }
        }

        return report.ExitCode;
    }

    // Said even when the run passes, so an empty or mistyped input is visible in a CI log.
    private static string NothingLinted(Manifests.Engine.LintResult result, bool failing) =>
        (failing ? "dslint: error: " : "dslint: warning: ") + string.Create(CultureInfo.InvariantCulture,
            $"nothing was linted: no Kubernetes object or cluster configuration in {result.Files} file{(result.Files == 1 ? "" : "s")} ({result.Documents} document{(result.Documents == 1 ? "" : "s")} parsed)")
        + (failing ? string.Empty : "; --fail-if-no-objects makes this an error");

    private static void WriteReport(IReportFormatter formatter, LintReport report, string? outputFile, ConsoleStreams console)
    {
        if (outputFile is null)
        {
            formatter.Write(report, console.Out);
            console.Out.Flush();
            return;
        }

        var writer = new StringWriter(CultureInfo.InvariantCulture);
        formatter.Write(report, writer);
        var target = Path.GetFullPath(outputFile, console.CurrentDirectory);
        try
        {
            ReportFile.Write(target, writer.ToString());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write the output file '{outputFile}': {ex.Message}");
        }
    }
}
