using System.Globalization;
using DualStack.Cli.CommandLine;
using DualStack.Cli.Fixing;
using DualStack.Cli.Input;
using DualStack.Cli.Lint;
using DualStack.Cli.Output;
using DualStack.Manifests.Configuration;
using DualStack.Manifests.Planning;
using DualStack.Rules;

namespace DualStack.Cli.Plan;

/// <summary>
/// <c>dslint plan</c>: read the inputs exactly as <c>lint</c> does, let the engine build the plan from the same cluster
/// model, and write it. Exit 0: plan written (and it fits <c>--nodes</c>/<c>--pods-per-node</c>); 1: input errors
/// (DS0xxx) or the plan does not fit; 2: usage problems, or no cluster configuration among the inputs.
/// </summary>
internal static class PlanRunner
{
    public static int Run(PlanSettings settings, ConsoleStreams console)
    {
        // As in lint: configuration first, since it decides each file's size limit and which files are excluded (never opened).
        var collector = new InputCollector(console.CurrentDirectory, ExcludeFilter.Create(settings.Excludes, console.CurrentDirectory));
        var collected = collector.Collect(settings.Paths);
        var (resolved, paths) = ConfiguredInputs.Resolve(collector, collected, settings.StdinFileName, settings.Verbose, settings.ToConfigurationRequest, console);

        var inputs = InputReader.Read(paths, new InputSource(collector, console.OpenStandardInput, settings.StdinFileName, console.CurrentDirectory, resolved.Configuration)).ToList();
        var run = AddressPlanner.Plan(inputs.Select(i => i.Source).ToList(), resolved.Configuration);
        ConfigurationReport.WriteWarnings(resolved, console);

        var toConsole = settings.OutputFile is null;
        // As in lint: an --output file is coloured only with --color always.
        var style = toConsole
            ? TextStyle.Resolve(settings.Color, settings.NoColor, console.IsTerminal)
            : TextStyle.Resolve(settings.Color == TextStyle.Always ? TextStyle.Always : TextStyle.Never, settings.NoColor, writingToTerminal: false);
        var errorStyle = TextStyle.Resolve(settings.Color, settings.NoColor, console.ErrorIsTerminal);
        if (settings.Format != PlanFormat.Json)
        {
            foreach (var finding in run.InputFindings.Where(f => f.Severity >= Severity.Info))
            {
                console.Error.WriteLine(TextFormatter.FormatFinding(finding, errorStyle));
            }
        }

        if (run.Plan is null)
        {
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"dslint: error: no cluster configuration among the inputs ({run.Files} file{(run.Files == 1 ? "" : "s")} read); plan needs a MicroK8s launch configuration, kubeadm, kind, KubeProxyConfiguration, k3s/RKE2, Calico or Cilium file"));
            return ExitCodes.Failure;
        }

        var fit = settings.Nodes is not null || settings.PodsPerNode is not null
            ? AddressPlanner.Fit(run.Plan, settings.Nodes, settings.PodsPerNode)
            : null;

        var writer = new StringWriter(CultureInfo.InvariantCulture);
        PlanFormat.Write(settings.Format, run, style, writer);
        Write(writer.ToString(), settings.OutputFile, console);

        var inputErrors = run.InputFindings.Any(f => f.Severity == Severity.Error);
        return inputErrors || fit is { Fits: false } ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static void Write(string text, string? outputFile, ConsoleStreams console)
    {
        if (outputFile is null)
        {
            console.Out.Write(text);
            console.Out.Flush();
            return;
        }

        try
        {
            AtomicFile.WriteAllText(Path.GetFullPath(outputFile, console.CurrentDirectory), text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write the output file '{outputFile}': {ex.Message}");
        }
    }
}
