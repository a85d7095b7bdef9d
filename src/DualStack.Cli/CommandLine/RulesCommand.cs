using System.CommandLine;
using DualStack.Rules;

namespace DualStack.Cli.CommandLine;

/// <summary><c>dslint rules</c>: the catalog, one rule a line (ID, default severity, title).</summary>
internal static class RulesCommand
{
    public static Command Create(Lint.ConsoleStreams console)
    {
        var all = new Option<bool>("--all") { Description = "Include the C# rules (DS1xxx), which the analyzer checks, not dslint." };
        var command = new Command("rules", "List the rules dslint checks: ID, default severity and title.") { all };
        command.SetAction(parse =>
        {
            var includeCSharp = parse.GetValue(all);
            foreach (var rule in RuleCatalog.All.Where(r => includeCSharp || r.Scope != RuleScope.CSharp))
            {
                console.Out.WriteLine($"{rule.Id}  {rule.DefaultSeverity.ToOutputName(),-7}  {rule.Title}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
