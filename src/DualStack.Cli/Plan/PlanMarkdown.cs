using DualStack.Manifests.Planning;

namespace DualStack.Cli.Plan;

/// <summary>The plan as Markdown for a design document or a pull-request comment: the same table and lists as the text.</summary>
internal static class PlanMarkdown
{
    public static void Write(AddressPlan plan, TextWriter writer)
    {
        writer.WriteLine("### " + PlanTable.Title(plan));
        writer.WriteLine();
        writer.WriteLine($"{Escape(PlanTable.FamilyOrder(plan))}. Kubernetes {plan.KubernetesVersion}; cluster model from {string.Join(", ", plan.Sources.Select(s => "`" + s + "`"))}.");
        writer.WriteLine();

        var headers = PlanTable.Headers(plan);
        writer.WriteLine("| | " + string.Join(" | ", headers) + " |");
        writer.WriteLine("|---|" + string.Concat(headers.Select(_ => "---|")));
        foreach (var row in PlanTable.Rows(plan))
        {
            writer.WriteLine($"| {row.Label} | " + string.Join(" | ", row.Cells.Select(Cell)) + " |");
        }

        List(writer, "Node addresses and certificate names", PlanTable.NodeLines(plan).Select(l => new PlanCell(l)).ToList(), "none named in the configuration");
        List(writer, "Overlaps", PlanTable.OverlapLines(plan), "none");
        if (plan.Fit is { } fit)
        {
            List(writer, "Fit", PlanTable.FitLines(fit), string.Empty);
        }
    }

    private static string Cell(PlanCell cell)
    {
        var text = Escape(cell.Text);
        if (cell.Rule is { } rule)
        {
            text += $" ([{rule}]({DualStack.Rules.RuleDescriptor.HelpLinkBase}{rule}.md))";
        }

        return cell.Problem ? $"**{text}**" : text;
    }

    private static void List(TextWriter writer, string title, IReadOnlyList<PlanCell> lines, string empty)
    {
        writer.WriteLine();
        writer.WriteLine($"**{title}**");
        writer.WriteLine();
        if (lines.Count == 0)
        {
            writer.WriteLine("- " + empty);
        }

        foreach (var line in lines)
        {
            var text = line.Text.TrimStart();
            var indent = line.Text.Length - text.Length > 0 ? "  " : string.Empty;
            writer.WriteLine($"{indent}- {Cell(line with { Text = text })}");
        }
    }

    // Pipes would end a table cell; backslashes and stars would start Markdown syntax.
    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("|", "\\|").Replace("*", "\\*");
}
