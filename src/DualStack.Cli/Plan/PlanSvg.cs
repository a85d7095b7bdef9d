using System.Globalization;
using System.Numerics;
using System.Xml.Linq;
using DualStack.Manifests.Planning;
using DualStack.Rules.Net;

namespace DualStack.Cli.Plan;

/// <summary>
/// The plan as one SVG picture: a block per family, a line per range. Each line draws the range's size on a
/// logarithmic axis (2^0 … 2^32 or 2^128, so a /64 and a /108 are both visible) with the node range inside the pod
/// range and the service size limit as a mark, and its position to scale inside the family's enclosing block.
/// Ranges in a problem overlap are outlined in red and listed with their rule below. Built with XDocument, so the
/// output is well-formed XML whatever the labels hold.
/// </summary>
internal static class PlanSvg
{
    public const int Width = 1000;
    private const int LabelX = 16;
    private const int SizeX = 330;
    private const int SizeWidth = 360;
    private const int PositionX = 720;
    private const int PositionWidth = 260;
    private const int Line = 28;
    private const string Font = "DejaVu Sans, Verdana, Arial, sans-serif";
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static void Write(AddressPlan plan, TextWriter writer)
    {
        var body = new List<XElement>();
        var y = 34;
        body.Add(Text(LabelX, y, PlanTable.Title(plan), 18, "#111", bold: true));
        y += 22;
        body.Add(Text(LabelX, y, $"{PlanTable.FamilyOrder(plan)} · Kubernetes {plan.KubernetesVersion}", 12, "#444"));
        y += 18;

        var problemRanges = plan.Overlaps.Where(o => o.Rule is not null && !o.Expected).SelectMany(o => new[] { o.First.Cidr, o.Second.Cidr }).ToHashSet();
        foreach (var family in plan.FamilyPlans)
        {
            y = FamilyBlock(body, plan, family, problemRanges, y + 20);
        }

        var overlaps = PlanTable.OverlapLines(plan).Where(l => l.Problem).ToList();
        y += 26;
        body.Add(Text(LabelX, y, overlaps.Count == 0 ? "Overlaps: none that lint reports" : "Overlaps", 14, "#111", bold: true));
        foreach (var overlap in overlaps)
        {
            var indent = 8;
            foreach (var part in Wrap(PlanText.CellText(overlap)))
            {
                y += 18;
                body.Add(Text(LabelX + indent, y, part, 12, overlap.Rule is null ? "#8a5a00" : "#b00020"));
                indent = 24;
            }
        }

        y += 30;
        body.Add(Legend(y));
        y += 20;
        body.Add(Text(LabelX, y, "Dashed mark: kubelet maxPods on a pod range; the service size limit (2^20) when the version enforces it (red: broken).", 12, "#333"));
        y += 16;

        var svg = new XElement(Ns + "svg",
            new XAttribute("width", Width),
            new XAttribute("height", y),
            new XAttribute("viewBox", $"0 0 {Width} {y}"),
            new XAttribute("font-family", Font),
            new XElement(Ns + "title", PlanTable.Title(plan)),
            new XElement(Ns + "rect", new XAttribute("width", Width), new XAttribute("height", y), new XAttribute("fill", "#ffffff")),
            body);
        writer.Write(new XDocument(new XDeclaration("1.0", "utf-8", null), svg).Declaration + "\n" + svg.ToString() + "\n");
    }

    /// <summary>The height the SVG says it has (for tests and the README).</summary>
    public static (int Width, int Height) Size(string svg)
    {
        var root = XDocument.Parse(svg).Root!;
        return ((int)root.Attribute("width")!, (int)root.Attribute("height")!);
    }

    private static int FamilyBlock(List<XElement> body, AddressPlan plan, FamilyPlan family, HashSet<IpCidr> problems, int y)
    {
        var bits = family.Family == IpFamily.IPv4 ? 32 : 128;
        var lines = Lines(plan, family);
        var block = Enclosing(lines.Select(l => l.Range.Cidr).ToList(), family.Family);

        body.Add(Text(LabelX, y, family.Family + (family.Primary && plan.FamilyPlans.Count > 1 ? " (primary)" : string.Empty), 16, "#111", bold: true));
        body.Add(Text(SizeX, y, $"size, log2 scale (2^0 … 2^{bits})", 12, "#444"));
        body.Add(Text(PositionX, y, $"position in {block}", 12, "#444"));
        y += 12;

        // Axis ticks every 8 (IPv4) or 16 (IPv6) bits.
        var step = bits == 32 ? 8 : 16;
        var top = y;
        var bottom = y + (lines.Count * Line) + 4;
        for (var b = 0; b <= bits; b += step)
        {
            var x = SizeX + (SizeWidth * b / (double)bits);
            body.Add(new XElement(Ns + "line", Attr("x1", x), Attr("x2", x), Attr("y1", top), Attr("y2", bottom), new XAttribute("stroke", "#e3e3e3")));
            body.Add(Text(x - 8, bottom + 14, "2^" + b.ToString(CultureInfo.InvariantCulture), 11, "#666"));
        }

        body.Add(new XElement(Ns + "rect", Attr("x", PositionX), Attr("y", top), Attr("width", PositionWidth), Attr("height", bottom - top),
            new XAttribute("fill", "#f4f4f4"), new XAttribute("stroke", "#cccccc")));

        foreach (var line in lines)
        {
            var barY = y + 6;
            var colour = Colour(line.Range.Role);
            var problem = problems.Contains(line.Range.Cidr) && line.Range.Role != PlanRangeRole.WellKnown || line.Problem;
            body.Add(Text(LabelX, barY + 12, line.Label, 13, problem ? "#b00020" : "#111", bold: problem));

            // Size on the log2 axis.
            var length = Math.Max(SizeWidth * line.Range.HostBits / (double)bits, 2);
            body.Add(Rect(SizeX, barY, length, 16, colour, problem));

            // Labels start after the bar and after the limit mark, so the mark never crosses the text.
            var labelX = SizeX + Math.Max(length, line.Mark is { } m ? SizeWidth * m.Bits / (double)bits : 0) + 6;
            if (line.Inner is { } inner)
            {
                body.Add(Rect(SizeX, barY + 3, Math.Max(SizeWidth * inner.Bits / (double)bits, 2), 10, "#1f3b57", false));
                body.Add(Text(labelX, barY + 12, inner.Label, 11, "#333"));
            }
            else if (line.Note is { } note)
            {
                body.Add(Text(labelX, barY + 12, note, 11, "#333"));
            }

            if (line.Mark is { } mark)
            {
                var x = SizeX + (SizeWidth * mark.Bits / (double)bits);
                body.Add(new XElement(Ns + "line", Attr("x1", x), Attr("x2", x), Attr("y1", barY - 3), Attr("y2", barY + 19),
                    new XAttribute("stroke", mark.Broken ? "#b00020" : "#333"), new XAttribute("stroke-width", 2), new XAttribute("stroke-dasharray", "3,2")));
            }

            // Position inside the enclosing block, to scale (at least 2 px so the smallest range stays visible).
            var offset = (double)((line.Range.Cidr.Network.ToBigInteger() - block.Network.ToBigInteger()) * 100000 / block.Size) / 100000;
            var width = Math.Max(PositionWidth * Fraction(line.Range.Size, block.Size), 2);
            body.Add(Rect(PositionX + (PositionWidth * offset), barY, Math.Min(width, PositionWidth), 16, colour, problem));
            y += Line;
        }

        return bottom + 18;
    }

    private sealed record Inner(int Bits, string Label);

    private sealed record Mark(int Bits, bool Broken);

    private sealed record RangeLine(PlanRange Range, string Label, Inner? Inner, string? Note, Mark? Mark, bool Problem);

    // The lines of a family: pods (with their node range and maxPods), service (with its limit), ServiceCIDRs, pools,
    // node addresses, and the well-known ranges something overlaps.
    private static List<RangeLine> Lines(AddressPlan plan, FamilyPlan family)
    {
        var lines = new List<RangeLine>();
        if (family.Pods is { } pods)
        {
            var allocation = pods.Allocation;
            var bits = family.Family == IpFamily.IPv4 ? 32 : 128;
            foreach (var range in pods.Ranges)
            {
                Inner? inner = allocation.Method == PodAllocationMethod.Unknown || allocation.Mask > bits ? null
                    : new Inner(bits - allocation.Mask, allocation.Method == PodAllocationMethod.CalicoBlock
                        ? $"/{allocation.Mask} blocks, {PlanNumbers.Count(pods.Nodes)} nodes"
                        : $"/{allocation.Mask} per node, {PlanNumbers.Count(pods.Nodes)} nodes");
                var maxPodsBits = (int)Math.Ceiling(Math.Log(pods.MaxPods, 2));
                lines.Add(new RangeLine(range, $"pods {range.Cidr}", inner, null, new Mark(maxPodsBits, false), allocation.Rule is not null && allocation.NodeRanges.IsZero));
            }
        }

        if (family.Service is { } service)
        {
            var limit = service.Limit;
            lines.Add(new RangeLine(service.Range, $"services {service.Range.Cidr}", null, $"{PlanNumbers.Count(service.Range.Size)} addresses",
                limit.Enforced || limit.TooLarge ? new Mark(limit.MaxHostBits, limit.TooLarge) : null, limit.TooLarge || limit.TooSmall));
            lines.AddRange(service.ExtraRanges.Select(r => new RangeLine(r, $"ServiceCIDR {r.Cidr}", null, $"{PlanNumbers.Count(r.Size)} addresses", null, false)));
        }

        lines.AddRange(family.Pools.Select(p => new RangeLine(p, $"{(p.Role == PlanRangeRole.CalicoPool ? "Calico" : "Cilium")} pool {p.Cidr}", null, $"{PlanNumbers.Count(p.Size)} addresses", null, false)));
        var nodes = plan.Nodes.NodeIps.Concat(plan.Nodes.AdvertiseAddresses).Where(a => a.Address.Family == family.Family).Select(a => a.Address).Distinct();
        lines.AddRange(nodes.Select(a => new RangeLine(new PlanRange(IpCidr.Create(a, a.BitLength), PlanRangeRole.NodeAddress, null), $"node {a}", null, null, null, false)));
        var wellKnown = plan.Overlaps.Where(o => o.Second.Role == PlanRangeRole.WellKnown && o.Second.Family == family.Family).Select(o => o.Second).DistinctBy(r => r.Cidr);
        lines.AddRange(wellKnown.Select(w => new RangeLine(w, Short(w), null, null, null, false)));
        return lines;
    }

    // Lines of at most MaxChars characters, broken at spaces: 12 px text stays inside the 1000 px picture.
    private static IEnumerable<string> Wrap(string text)
    {
        const int MaxChars = 120;
        var line = string.Empty;
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > MaxChars)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        yield return line;
    }

    private static string Short(PlanRange wellKnown) => wellKnown.Name is { } name && name.StartsWith("Docker", StringComparison.Ordinal)
        ? $"Docker bridge {wellKnown.Cidr}"
        : $"well-known {wellKnown.Cidr}";

    // The smallest CIDR holding every range of the family (the family's whole space when nothing is drawn).
    private static IpCidr Enclosing(IReadOnlyList<IpCidr> ranges, IpFamily family)
    {
        var bits = family == IpFamily.IPv4 ? 32 : 128;
        var any = IpCidr.Create(family == IpFamily.IPv4 ? IpAddress.IPv4Any : IpAddress.IPv6Any, 0);
        if (ranges.Count == 0)
        {
            return any;
        }

        for (var prefix = ranges.Min(r => r.FamilyPrefixLength); prefix > 0; prefix--)
        {
            var candidate = IpCidr.Create(ranges[0].Network, prefix).Masked;
            if (ranges.All(r => candidate.Contains(r)))
            {
                return candidate;
            }
        }

        _ = bits;
        return any;
    }

    private static double Fraction(BigInteger part, BigInteger whole) => Math.Exp(BigInteger.Log(part) - BigInteger.Log(whole));

    private static string Colour(PlanRangeRole role) => role switch
    {
        PlanRangeRole.Pod => "#4e79a7",
        PlanRangeRole.Service => "#f28e2b",
        PlanRangeRole.ExtraService => "#edc948",
        PlanRangeRole.CalicoPool or PlanRangeRole.CiliumPool => "#59a14f",
        PlanRangeRole.NodeAddress => "#76b7b2",
        _ => "#bab0ac",
    };

    private static XElement Legend(int y)
    {
        var items = new (string Label, string Colour)[]
        {
            ("pod range", Colour(PlanRangeRole.Pod)), ("node range / block", "#1f3b57"), ("service range", Colour(PlanRangeRole.Service)),
            ("pool", Colour(PlanRangeRole.CalicoPool)), ("node address", Colour(PlanRangeRole.NodeAddress)), ("well-known", Colour(PlanRangeRole.WellKnown)),
        };
        var group = new XElement(Ns + "g");
        var x = LabelX;
        foreach (var (label, colour) in items)
        {
            group.Add(Rect(x, y - 11, 14, 14, colour, false));
            group.Add(Text(x + 19, y, label, 12, "#333"));
            x += 36 + (label.Length * 7);
        }

        return group;
    }

    private static XElement Rect(double x, double y, double width, double height, string fill, bool problem)
    {
        var rect = new XElement(Ns + "rect", Attr("x", x), Attr("y", y), Attr("width", width), Attr("height", height), new XAttribute("fill", fill));
        if (problem)
        {
            rect.Add(new XAttribute("stroke", "#b00020"), new XAttribute("stroke-width", 2.5));
        }

        return rect;
    }

    private static XElement Text(double x, double y, string text, int size, string fill, bool bold = false)
    {
        var element = new XElement(Ns + "text", Attr("x", x), Attr("y", y), new XAttribute("font-size", size), new XAttribute("fill", fill), text);
        if (bold)
        {
            element.Add(new XAttribute("font-weight", "bold"));
        }

        return element;
    }

    private static XAttribute Attr(string name, double value) => new(name, Math.Round(value, 1).ToString(CultureInfo.InvariantCulture));
}
