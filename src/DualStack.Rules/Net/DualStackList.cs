namespace DualStack.Rules.Net;

/// <summary>
/// Parses comma-separated dual-stack lists (<c>--service-cluster-ip-range</c>, <c>--cluster-cidr</c>, kubeadm
/// <c>podSubnet</c>, kubelet <c>--node-ip</c>, …) keeping each entry's position so findings can point at it.
/// Every such list holds at most two entries, one per family; the first entry is the primary family.
/// </summary>
public static class DualStackList
{
    /// <summary>A list of IP addresses. <paramref name="strict"/> applies the StrictIPCIDRValidation layer to each entry.</summary>
    public static DualStackListResult ParseIps(string? text, ListWhitespace whitespace = ListWhitespace.Strict, bool strict = false) =>
        Parse(text, whitespace, strict, isCidr: false);

    /// <summary>A list of CIDRs. <paramref name="strict"/> applies the StrictIPCIDRValidation layer to each entry.</summary>
    public static DualStackListResult ParseCidrs(string? text, ListWhitespace whitespace = ListWhitespace.Strict, bool strict = false) =>
        Parse(text, whitespace, strict, isCidr: true);

    private static DualStackListResult Parse(string? text, ListWhitespace whitespace, bool strict, bool isCidr)
    {
        var list = text ?? string.Empty;
        var items = new List<DualStackListItem>();
        var problems = new List<DualStackListProblem>();
        var kind = isCidr ? "CIDR" : "IP address";

        if (list.Length == 0 || (whitespace == ListWhitespace.Trim && list.Trim().Length == 0))
        {
            problems.Add(new DualStackListProblem(
                DualStackListProblemKind.Empty, $"\"{list}\" holds no {kind}; give one, or an IPv4 and an IPv6 {kind} separated by a comma", 0, list.Length, 0));
            return new DualStackListResult(list, items, problems);
        }

        var entryCount = 0;
        var start = 0;
        while (true)
        {
            var comma = list.IndexOf(',', start);
            var end = comma < 0 ? list.Length : comma;
            var raw = list.Substring(start, end - start);
            var index = entryCount++;

            var (itemText, itemOffset) = whitespace == ListWhitespace.Trim ? TrimWithOffset(raw, start) : (raw, start);
            if (itemText.Length == 0)
            {
                problems.Add(new DualStackListProblem(
                    DualStackListProblemKind.EmptyItem, $"\"{list}\" has an empty entry at position {index + 1}; remove the extra comma", itemOffset, 0, index));
            }
            else
            {
                items.Add(ParseItem(index, itemText, itemOffset, raw, strict, isCidr));
            }

            if (comma < 0)
            {
                break;
            }

            start = comma + 1;
        }

        if (entryCount > 2)
        {
            var third = NthEntryOffset(list, 2);
            problems.Add(new DualStackListProblem(
                DualStackListProblemKind.TooManyEntries,
                $"\"{list}\" has {entryCount} entries; a dual-stack list holds at most two, one IPv4 and one IPv6 {kind}",
                third, list.Length - third, 2));
        }
        else
        {
            var parsed = items.Where(i => i.Family is not null).ToList();
            if (parsed.Count == 2 && parsed[0].Family == parsed[1].Family)
            {
                problems.Add(new DualStackListProblem(
                    DualStackListProblemKind.SameFamily,
                    $"\"{parsed[0].Text}\" and \"{parsed[1].Text}\" are both {parsed[0].Family}; a dual-stack list needs one IPv4 and one IPv6 {kind}",
                    parsed[1].Offset, parsed[1].Length, parsed[1].Index));
            }
        }

        return new DualStackListResult(list, items, problems);
    }

    private static DualStackListItem ParseItem(int index, string text, int offset, string raw, bool strict, bool isCidr)
    {
        var hasWhitespace = raw.Length > 0 && (char.IsWhiteSpace(raw[0]) || char.IsWhiteSpace(raw[raw.Length - 1]));
        IpProblem problem;
        string? detail;
        IpAddress? address = null;
        IpCidr? cidr = null;
        if (isCidr)
        {
            var result = IpParser.ParseCidr(text, strict);
            (problem, detail) = (result.Problem, result.Message);
            cidr = result.HasValue ? result.Value : null;
        }
        else
        {
            var result = IpParser.ParseIp(text, strict);
            (problem, detail) = (result.Problem, result.Message);
            address = result.HasValue ? result.Value : null;
        }

        var canonical = address?.ToString() ?? cidr?.ToString();
        string? message = null;
        if (problem != IpProblem.None)
        {
            // A strict-mode entry that only fails because of surrounding spaces: say so, and offer the trimmed value.
            var trimmed = text.Trim();
            if (hasWhitespace && text.Length != trimmed.Length
                && (isCidr ? IpParser.TryParseCidrSloppy(trimmed, out _) : IpParser.TryParseSloppy(trimmed, out _)))
            {
                message = $"\"{text}\" has whitespace, which is not trimmed here (no spaces after commas); use \"{trimmed}\"";
            }
            else
            {
                message = canonical is null ? $"\"{text}\" {detail}" : $"\"{text}\" {detail}; use \"{canonical}\"";
            }
        }

        return new DualStackListItem(index, text, offset, problem, detail, message, address, cidr, hasWhitespace);
    }

    private static (string Text, int Offset) TrimWithOffset(string raw, int offset)
    {
        var begin = 0;
        var end = raw.Length;
        while (begin < end && char.IsWhiteSpace(raw[begin]))
        {
            begin++;
        }

        while (end > begin && char.IsWhiteSpace(raw[end - 1]))
        {
            end--;
        }

        return (raw.Substring(begin, end - begin), offset + begin);
    }

    private static int NthEntryOffset(string list, int n)
    {
        var offset = 0;
        for (var i = 0; i < n; i++)
        {
            offset = list.IndexOf(',', offset) + 1;
        }

        return offset;
    }
}
