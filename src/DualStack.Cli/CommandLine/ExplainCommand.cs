using System.CommandLine;
using DualStack.Cli.Help;
using DualStack.Cli.Output;
using DualStack.Rules;

namespace DualStack.Cli.CommandLine;

/// <summary><c>dslint explain DS2005</c>: prints the rule's page, rendered for a terminal (or as Markdown with <c>--markdown</c>).</summary>
internal static class ExplainCommand
{
    public static Command Create(Lint.ConsoleStreams console)
    {
        var id = new Argument<string>("RULE") { Description = "A rule ID such as DS2005." };
        var markdown = new Option<bool>("--markdown") { Description = "Print the page's Markdown source instead of rendering it." };
        var color = ColorOption();
        var command = new Command("explain", "Print a rule's documentation page.") { id, markdown, color };
        command.SetAction(parse =>
        {
            var text = parse.GetValue(id) ?? string.Empty;
            if (!RuleCatalog.TryGet(text, out var rule) || RulePages.Read(rule.Id) is not { } page)
            {
                throw new CliException($"unknown rule '{text}'; run 'dslint rules --all' for the list");
            }

            var output = parse.GetValue(markdown)
                ? page.ReplaceLineEndings("\n").TrimEnd('\n') + "\n"
                : TerminalMarkdown.Render(page, TextStyle.Resolve(parse.GetValue(color), noColorOption: false, console.IsTerminal));
            console.Out.Write(output);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary><c>--color auto|always|never</c>, shared by the commands that print text.</summary>
    internal static Option<string> ColorOption()
    {
        var color = new Option<string>("--color")
        {
            Description = "Colour the text output: auto (on a terminal, unless NO_COLOR is set or FORCE_COLOR asks for it), always or never.",
            DefaultValueFactory = _ => TextStyle.Auto,
            HelpName = "WHEN",
        };
        color.AcceptOnlyFromAmong(TextStyle.Modes);
        return color;
    }
}
