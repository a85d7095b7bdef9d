using System.CommandLine;
using DualStack.Cli.Output;
using DualStack.Rules;

namespace DualStack.Cli.CommandLine;

/// <summary><c>dslint rules</c>: the catalog, one rule a line (ID, default severity, title), or as JSON.</summary>
internal static class RulesCommand
{
    public static Command Create(Lint.ConsoleStreams console)
    {
        var all = new Option<bool>("--all") { Description = "Include the C# rules (DS1xxx), which the analyzer checks, not dslint." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (one rule a line) or json (every catalog field, for tools).",
            DefaultValueFactory = _ => OutputFormat.Text,
        };
        format.AcceptOnlyFromAmong(OutputFormat.Text, OutputFormat.Json);
        var command = new Command("rules", "List the rules dslint checks: ID, default severity and title.") { all, format };
        command.SetAction(parse =>
        {
            var includeCSharp = parse.GetValue(all);
            var rules = RuleCatalog.All.Where(r => includeCSharp || r.Scope != RuleScope.CSharp).ToList();
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                WriteJson(rules, console.Out);
                return ExitCodes.Success;
            }

            foreach (var rule in rules)
            {
                console.Out.WriteLine($"{rule.Id}  {rule.DefaultSeverity.ToOutputName(),-7}  {rule.Title}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteJson(IReadOnlyList<RuleDescriptor> rules, TextWriter writer) =>
        JsonOutput.Write(writer, json =>
        {
            json.WriteStartObject();
            json.WriteString("tool", "dslint");
            json.WriteString("version", ToolInfo.Version);
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("title", rule.Title);
                json.WriteString("defaultSeverity", rule.DefaultSeverity.ToOutputName());
                json.WriteString("category", rule.Category);
                json.WriteString("scope", rule.Scope.ToString());
                json.WriteBoolean("hasFix", rule.HasFix);
                json.WriteString("description", rule.Description);
                json.WriteString("helpUri", rule.HelpLink);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
}
