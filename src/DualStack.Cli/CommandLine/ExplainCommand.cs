using System.CommandLine;
using DualStack.Cli.Help;
using DualStack.Rules;

namespace DualStack.Cli.CommandLine;

/// <summary><c>dslint explain DS2005</c>: prints the rule's page (Markdown).</summary>
internal static class ExplainCommand
{
    public static Command Create(Lint.ConsoleStreams console)
    {
        var id = new Argument<string>("RULE") { Description = "A rule ID such as DS2005." };
        var command = new Command("explain", "Print a rule's documentation page.") { id };
        command.SetAction(parse =>
        {
            var text = parse.GetValue(id) ?? string.Empty;
            if (!RuleCatalog.TryGet(text, out var rule) || RulePages.Read(rule.Id) is not { } page)
            {
                throw new CliException($"unknown rule '{text}'; run 'dslint rules --all' for the list");
            }

            console.Out.Write(page.EndsWith('\n') ? page : page + "\n");
            return ExitCodes.Success;
        });
        return command;
    }
}
