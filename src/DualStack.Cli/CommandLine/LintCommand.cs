using System.CommandLine;
using DualStack.Cli.Lint;
using DualStack.Cli.Output;

namespace DualStack.Cli.CommandLine;

/// <summary><c>dslint lint [PATH…]</c> and its options.</summary>
internal static class LintCommand
{
    public static Command Create(ConsoleStreams console)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files, folders (searched for .yaml, .yml and .json) or - for standard input; default: the current folder.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text, json, sarif, github (workflow annotations), junit (CI test reports) or gitlab (Code Quality report).",
            DefaultValueFactory = _ => OutputFormat.Text,
        };
        format.AcceptOnlyFromAmong(OutputFormat.All);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file (atomically) instead of standard output.", HelpName = "FILE" };
        var exclude = ExcludeOption();
        var stdinFileName = new Option<string?>("--stdin-filename") { Description = "The name standard input is reported and configured as (default <stdin>).", HelpName = "NAME" };
        var ipFamilies = new Option<string?>("--ip-families") { Description = "Target cluster families, primary first: IPv4, IPv6, IPv4,IPv6 or IPv6,IPv4 (overrides .editorconfig and cluster config files).", HelpName = "FAMILIES" };
        var kubernetesVersion = new Option<string?>("--kubernetes-version") { Description = "Target Kubernetes version, e.g. 1.36 (overrides .editorconfig).", HelpName = "VERSION" };
        var severity = new Option<string[]>("--severity")
        {
            Description = "Set a rule's severity: RULE=LEVEL with LEVEL none, silent, suggestion, info, warning or error (repeatable; overrides .editorconfig).",
            HelpName = "RULE=LEVEL",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var maxFileSize = new Option<string?>("--max-file-size")
        {
            Description = "Skip (DS0002) files larger than this: bytes, or a number with KB, MB or GB, up to 1GB (default 10MB; overrides .editorconfig's dualstack_lint.max_file_size).",
            HelpName = "SIZE",
        };
        var warnAsError = new Option<bool>("--warnaserror") { Description = "Exit with 1 on warnings too." };
        var failIfNoObjects = new Option<bool>("--fail-if-no-objects") { Description = "Exit with 1 when the inputs hold no Kubernetes object and no cluster configuration (nothing was linted)." };
        var fix = new Option<bool>("--fix") { Description = "Apply the safe fixes of the findings to the files in place (with --baseline: of the new findings only)." };
        var baseline = new Option<string?>("--baseline") { Description = "Report only findings that are not in this baseline file (written by --write-baseline); baselined findings do not fail the run.", HelpName = "FILE" };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Record every current finding in this baseline file (replacing it) and exit 0; later runs with --baseline FILE report only new findings.", HelpName = "FILE" };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the text output (same as --color never; also: the NO_COLOR environment variable)." };
        var color = ExplainCommand.ColorOption();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print the findings only: no summary, no notes on standard error." };
        var renderedFrom = new Option<string?>("--chart", "--rendered-from")
        {
            Description = "The Helm chart (or kustomization) folder that rendered input came from: findings point at lines of its files. Default for Helm: ./Chart.yaml or ./CHART/Chart.yaml.",
            HelpName = "DIR",
        };
        var verbose = new Option<bool>("--verbose") { Description = "Name each excluded file and why; print stack traces of internal errors." };

        var command = new Command("lint", "Lint Kubernetes manifests and cluster network configuration files.")
        {
            paths, format, output, exclude, stdinFileName, ipFamilies, kubernetesVersion, severity, maxFileSize, warnAsError, failIfNoObjects, fix, baseline, writeBaseline, color, noColor, quiet, renderedFrom, verbose,
        };
        command.SetAction(parse => LintRunner.Run(
            new LintSettings
            {
                Paths = parse.GetValue(paths) ?? [],
                Format = parse.GetValue(format) ?? OutputFormat.Text,
                Excludes = parse.GetValue(exclude) ?? [],
                OutputFile = parse.GetValue(output),
                StdinFileName = parse.GetValue(stdinFileName),
                IpFamilies = parse.GetValue(ipFamilies),
                KubernetesVersion = parse.GetValue(kubernetesVersion),
                Severities = parse.GetValue(severity) ?? [],
                MaxFileSize = parse.GetValue(maxFileSize),
                WarnAsError = parse.GetValue(warnAsError),
                FailIfNoObjects = parse.GetValue(failIfNoObjects),
                Fix = parse.GetValue(fix),
                Baseline = parse.GetValue(baseline),
                WriteBaseline = parse.GetValue(writeBaseline),
                NoColor = parse.GetValue(noColor),
                Color = parse.GetValue(color) ?? TextStyle.Auto,
                Quiet = parse.GetValue(quiet),
                Verbose = parse.GetValue(verbose),
                RenderedFrom = parse.GetValue(renderedFrom),
            },
            console));
        return command;
    }

    /// <summary><c>--exclude GLOB</c>, repeatable; shared by <c>lint</c> and <c>plan</c>.</summary>
    public static Option<string[]> ExcludeOption() => new("--exclude")
    {
        Description = "Leave out files matching this glob, relative to the current folder (repeatable; ** spans folders, a folder takes all below it; also dualstack_lint.exclude = true in .editorconfig). Excluded files are never opened, also when named explicitly.",
        HelpName = "GLOB",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };
}
