using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using DualStack.Cli.Lint;

namespace DualStack.Cli.CommandLine;

/// <summary>
/// The command tree and the one place where errors become exit codes: usage and input problems print
/// <c>dslint: error: …</c> and exit 2; an unexpected exception prints one line too (the stack trace only with
/// <c>--verbose</c>).
/// </summary>
internal static class DslintCommand
{
    public static RootCommand Create(ConsoleStreams console) =>
        new("dslint finds IPv4-only assumptions in Kubernetes manifests and cluster network configuration.")
        {
            LintCommand.Create(console),
            Plan.PlanCommand.Create(console),
            RulesCommand.Create(console),
            ExplainCommand.Create(console),
            Lsp.LspCommand.Create(console),
        };

    // System.CommandLine lists allowed values one per line; the error stays one line here.
    private static string OneLine(string message) =>
        System.Text.RegularExpressions.Regex.Replace(message, @"\s*[\r\n]+\s*", " ").Replace("' '", "', '");

    public static int Run(string[] args, ConsoleStreams console)
    {
        var verbose = args.Contains("--verbose");
        try
        {
            var parse = Create(console).Parse(args);
            if (parse.Action is ParseErrorAction)
            {
                // "Required command was not provided" is noise next to the token that could not be understood.
                var error = parse.Errors.Count > 1 && parse.Errors[0].SymbolResult is CommandResult ? parse.Errors[1] : parse.Errors[0];
                console.Error.WriteLine("dslint: error: " + OneLine(error.Message));
                var command = parse.CommandResult.Command is RootCommand ? "dslint" : "dslint " + parse.CommandResult.Command.Name;
                console.Error.WriteLine($"Run '{command} --help' for usage.");
                return ExitCodes.Failure;
            }

            return parse.Invoke(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (CliException ex)
        {
            console.Error.WriteLine("dslint: error: " + Output.TerminalText.Escape(ex.Message));
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            console.Error.WriteLine("dslint: internal error: " + ex.Message + (verbose ? string.Empty : " (run with --verbose for details)"));
            if (verbose)
            {
                console.Error.WriteLine(ex.ToString());
            }

            return ExitCodes.Failure;
        }
    }
}
