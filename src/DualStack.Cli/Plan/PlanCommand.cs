using System.CommandLine;
using DualStack.Cli.CommandLine;
using DualStack.Cli.Lint;
using DualStack.Cli.Output;

namespace DualStack.Cli.Plan;

/// <summary><c>dslint plan [PATH…]</c>: the cluster's address plan from its configuration files.</summary>
internal static class PlanCommand
{
    public static Command Create(ConsoleStreams console)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Cluster configuration files, folders (searched for .yaml, .yml and .json) or - for standard input; default: the current folder.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (a table), json (the documented contract), markdown (for a design document or PR comment) or svg (a picture).",
            DefaultValueFactory = _ => PlanFormat.Text,
        };
        format.AcceptOnlyFromAmong(PlanFormat.All);
        var output = new Option<string?>("--output", "-o") { Description = "Write the plan to this file (atomically) instead of standard output.", HelpName = "FILE" };
        var stdinFileName = new Option<string?>("--stdin-filename") { Description = "The name standard input is reported and configured as (default <stdin>).", HelpName = "NAME" };
        var kubernetesVersion = new Option<string?>("--kubernetes-version") { Description = "Target Kubernetes version, e.g. 1.33 (decides the service range size limit; overrides .editorconfig).", HelpName = "VERSION" };
        var nodes = new Option<long?>("--nodes") { Description = "Check that the plan admits this many nodes; say which limit binds first and what to change.", HelpName = "N" };
        var podsPerNode = new Option<long?>("--pods-per-node") { Description = "Check that every node can run this many pods (default: kubelet's maxPods).", HelpName = "N" };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the text output (same as --color never; also: the NO_COLOR environment variable)." };
        var color = ExplainCommand.ColorOption();
        var exclude = LintCommand.ExcludeOption();
        var verbose = new Option<bool>("--verbose") { Description = "Name each excluded file and why; print stack traces of internal errors." };

        var command = new Command("plan", "Print the cluster's dual-stack address plan (pod and service ranges, nodes, overlaps) from its configuration files.")
        {
            paths, format, output, exclude, stdinFileName, kubernetesVersion, nodes, podsPerNode, color, noColor, verbose,
        };
        command.SetAction(parse => PlanRunner.Run(
            new PlanSettings
            {
                Paths = parse.GetValue(paths) ?? [],
                Format = parse.GetValue(format) ?? PlanFormat.Text,
                OutputFile = parse.GetValue(output),
                StdinFileName = parse.GetValue(stdinFileName),
                KubernetesVersion = parse.GetValue(kubernetesVersion),
                Nodes = Positive(parse.GetValue(nodes), "--nodes"),
                PodsPerNode = Positive(parse.GetValue(podsPerNode), "--pods-per-node"),
                NoColor = parse.GetValue(noColor),
                Color = parse.GetValue(color) ?? TextStyle.Auto,
                Excludes = parse.GetValue(exclude) ?? [],
                Verbose = parse.GetValue(verbose),
            },
            console));
        return command;
    }

    private static long? Positive(long? value, string option) =>
        value is <= 0 ? throw new CliException($"{option}: {value} is not a positive number") : value;
}
