using DualStack.Cli.Output;
using DualStack.Manifests.Planning;

namespace DualStack.Cli.Plan;

/// <summary>The plan as an aligned table for a terminal (colours only when <see cref="TextStyle"/> allows them).</summary>
internal static class PlanText
{
    public static void Write(AddressPlan plan, TextStyle style, TextWriter writer)
    {
        writer.WriteLine(style.Bold(PlanTable.Title(plan)));
        writer.WriteLine(PlanTable.FamilyOrder(plan));
        writer.WriteLine($"Kubernetes {plan.KubernetesVersion}; cluster model from {string.Join(", ", plan.Sources)}");
        writer.WriteLine();

        var headers = PlanTable.Headers(plan);
        var rows = PlanTable.Rows(plan);
        var labelWidth = rows.Max(r => r.Label.Length);
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Max(r => CellText(r.Cells[i]).Length))).ToList();
        writer.WriteLine(style.Bold(Line(string.Empty.PadRight(labelWidth), headers.Select((h, i) => h.PadRight(widths[i])))));
        foreach (var row in rows)
        {
            var cells = row.Cells.Select((c, i) => Colour(c, CellText(c).PadRight(widths[i]), style));
            writer.WriteLine(Line(row.Label.PadRight(labelWidth), cells));
        }

        Section(writer, style, "Node addresses and certificate names", PlanTable.NodeLines(plan).Select(l => new PlanCell(l)).ToList(), "none named in the configuration");
        Section(writer, style, "Overlaps", PlanTable.OverlapLines(plan), "none");
        if (plan.Fit is { } fit)
        {
            Section(writer, style, "Fit", PlanTable.FitLines(fit), string.Empty);
        }
    }

    internal static string CellText(PlanCell cell) => cell.Rule is null ? cell.Text : $"{cell.Text} [{cell.Rule}]";

    private static string Line(string label, IEnumerable<string> cells) => (label + "  " + string.Join("  ", cells)).TrimEnd();

    private static string Colour(PlanCell cell, string padded, TextStyle style) =>
        !cell.Problem ? padded : cell.Rule is null ? style.Yellow(padded) : style.Red(padded);

    private static void Section(TextWriter writer, TextStyle style, string title, IReadOnlyList<PlanCell> lines, string empty)
    {
        writer.WriteLine();
        writer.WriteLine(style.Bold(title + ":"));
        if (lines.Count == 0)
        {
            writer.WriteLine("  " + empty);
        }

        foreach (var line in lines)
        {
            writer.WriteLine("  " + Colour(line, CellText(line), style));
        }
    }
}
