using DualStack.Cli.CommandLine;
using DualStack.Cli.Output;
using DualStack.Manifests.Configuration;

namespace DualStack.Cli.Lint;

/// <summary>
/// How a command that resolved configuration (lint, plan) tells the user about its mistakes: errors stop the run
/// (exit 2), warnings go to standard error; files are shown relative to the current folder, as findings are.
/// </summary>
internal static class ConfigurationReport
{
    /// <summary>Throws a <see cref="CliException"/> naming every error of <paramref name="resolved"/>.</summary>
    public static void ThrowOnErrors(ResolvedConfiguration resolved, ConsoleStreams console)
    {
        if (resolved.HasErrors)
        {
            throw new CliException(string.Join(Environment.NewLine + "dslint: error: ", resolved.Problems.Where(p => p.IsError).Select(p => Describe(p, console))));
        }
    }

    /// <summary>Writes each warning as <c>dslint: warning: FILE:LINE: message</c>.</summary>
    public static void WriteWarnings(ResolvedConfiguration resolved, ConsoleStreams console)
    {
        foreach (var problem in resolved.Problems.Where(p => !p.IsError))
        {
            console.Error.WriteLine("dslint: warning: " + TerminalText.Escape(Describe(problem, console)));
        }
    }

    private static string Describe(ConfigurationProblem problem, ConsoleStreams console) =>
        problem.File is null ? problem.Message : (problem with { File = Path.GetRelativePath(console.CurrentDirectory, problem.File) }).ToString();
}
