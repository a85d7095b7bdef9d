namespace DualStack.Rules.Net;

/// <summary>
/// Parses comma-separated dual-stack lists (<c>--service-cluster-ip-range</c>, <c>--cluster-cidr</c>, kubeadm
/// <c>podSubnet</c>, kubelet <c>--node-ip</c>, …) keeping each entry's position so findings can point at it.
/// Every such list holds at most two entries, one per family; the first entry is the primary family.
/// The one implementation of these lists: the cluster configuration readers and checks use it.
/// </summary>
public static class DualStackList
{
    /// <summary>A list of IP addresses. <paramref name="strict"/> applies the StrictIPCIDRValidation layer to each entry.</summary>
    public static DualStackListResult ParseIps(string? text, ListWhitespace whitespace = ListWhitespace.Strict, bool strict = false) =>
        Parse(text, SplitEntries(text ?? string.Empty), whitespace, strict, isCidr: false);

    /// <summary>A list of CIDRs. <paramref name="strict"/> applies the StrictIPCIDRValidation layer to each entry.</summary>
    public static DualStackListResult ParseCidrs(string? text, ListWhitespace whitespace = ListWhitespace.Strict, bool strict = false) =>
        Parse(text, SplitEntries(text ?? string.Empty), whitespace, strict, isCidr: true);

    /// <summary>
    /// A list of CIDRs given as separate values (a YAML sequence); each entry's offset is within its own value, and
    /// the list rules (count, one per family) apply as to a comma-separated list.
    /// </summary>
    public static DualStackListResult ParseCidrSequence(IReadOnlyList<string> entries, ListWhitespace whitespace) =>
        Parse(string.Join(",", entries), entries.Select(e => (e, 0)).ToList(), whitespace, strict: false, isCidr: true);

    /// <summary>
    /// kubelet's <c>--node-ip</c> (<c>ParseNodeIPArgument</c>): an empty value is unset; entries are trimmed; entries
    /// that do not parse are dropped (kept here as invalid items); the rest must be one IP or a dual-stack pair, and a
    /// pair must not hold <c>0.0.0.0</c> or <c>::</c>.
    /// </summary>
    public static DualStackListResult ParseNodeIps(string? text) =>
        ParseNodeIps(text ?? string.Empty, string.IsNullOrEmpty(text) ? [] : SplitEntries(text!));

    /// <summary><see cref="ParseNodeIps(string?)"/> for values given separately (a YAML sequence).</summary>
    public static DualStackListResult ParseNodeIpSequence(IReadOnlyList<string> entries) =>
        ParseNodeIps(string.Join(",", entries), entries.Select(e => (e, 0)).ToList());

    /// <summary>Splits at every comma (Go <c>strings.Split(s, ",")</c>), giving each part with its offset in <paramref name="text"/>.</summary>
    public static IReadOnlyList<(string Text, int Offset)> SplitEntries(string text)
    {
        var parts = new List<(string Text, int Offset)>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == ',')
            {
                parts.Add((text.Substring(start, i - start), start));
                start = i + 1;
            }
        }

        return parts;
    }

    private static DualStackListResult Parse(
        string? text, IReadOnlyList<(string Text, int Offset)> raw, ListWhitespace whitespace, bool strict, bool isCidr)
    {
        var list = text ?? string.Empty;
        var entries = new List<DualStackListItem>();
        var problems = new List<DualStackListProblem>();
        var kind = isCidr ? "CIDR" : "IP address";

        if (list.Length == 0 || (whitespace == ListWhitespace.Trim && list.Trim().Length == 0))
        {
            problems.Add(new DualStackListProblem(
                DualStackListProblemKind.Empty, $"\"{list}\" holds no {kind}; give one, or an IPv4 and an IPv6 {kind} separated by a comma", 0, list.Length, 0));
            return new DualStackListResult(list, entries, problems);
        }

        foreach (var (rawText, rawOffset) in raw)
        {
            var index = entries.Count;
            var entry = ParseItem(index, rawText, rawOffset, whitespace, strict, isCidr);
            entries.Add(entry);
            if (entry.Text.Length == 0)
            {
                problems.Add(new DualStackListProblem(
                    DualStackListProblemKind.EmptyItem, $"\"{list}\" has an empty entry at position {index + 1}; remove the extra comma", entry.Offset, 0, index));
            }
        }

        if (entries.Count > 2)
        {
            var third = entries[2];
            problems.Add(new DualStackListProblem(
                DualStackListProblemKind.TooManyEntries,
                $"\"{list}\" has {entries.Count} entries; a dual-stack list holds at most two, one IPv4 and one IPv6 {kind}",
                third.Offset, Math.Max(third.Length, list.Length - third.Offset), 2));
        }
        else
        {
            var parsed = entries.Where(i => i.Text.Length > 0 && i.Family is not null).ToList();
            if (parsed.Count == 2 && parsed[0].Family == parsed[1].Family)
            {
                problems.Add(SameFamily(parsed, kind));
            }
        }

        return new DualStackListResult(list, entries, problems);
    }

    private static DualStackListResult ParseNodeIps(string list, IReadOnlyList<(string Text, int Offset)> raw)
    {
        var entries = raw.Select((r, index) => ParseItem(index, r.Text, r.Offset, ListWhitespace.Trim, strict: false, isCidr: false)).ToList();
        var problems = new List<DualStackListProblem>();

        // Only the entries kubelet keeps count: "10.0.0.1,bogus,fd00::1" is a valid pair.
        var valid = entries.Where(e => e.IsValid).ToList();
        if (valid.Count > 2)
        {
            var last = valid[valid.Count - 1];
            problems.Add(new DualStackListProblem(
                DualStackListProblemKind.TooManyEntries,
                $"\"{list}\" holds {valid.Count} IP addresses; must contain either a single IP or a dual-stack pair of IPs",
                last.Offset, last.Length, last.Index));
        }
        else if (valid.Count == 2 && valid[0].Family == valid[1].Family)
        {
            problems.Add(SameFamily(valid, "IP address"));
        }
        else if (valid.Count == 2 && valid.FirstOrDefault(e => e.Address!.Value.IsUnspecified) is { } unspecified)
        {
            problems.Add(new DualStackListProblem(
                DualStackListProblemKind.UnspecifiedInPair,
                $"dual-stack \"{list}\" cannot include '0.0.0.0' or '::'",
                unspecified.Offset, unspecified.Length, unspecified.Index));
        }

        return new DualStackListResult(list, entries, problems);
    }

    private static DualStackListProblem SameFamily(IReadOnlyList<DualStackListItem> pair, string kind) =>
        new(DualStackListProblemKind.SameFamily,
            $"\"{pair[0].Text}\" and \"{pair[1].Text}\" are both {pair[0].Family}; a dual-stack list needs one IPv4 and one IPv6 {kind}",
            pair[1].Offset, pair[1].Length, pair[1].Index);

    private static DualStackListItem ParseItem(int index, string raw, int rawOffset, ListWhitespace whitespace, bool strict, bool isCidr)
    {
        var (text, offset) = whitespace == ListWhitespace.Trim ? TrimWithOffset(raw, rawOffset) : (raw, rawOffset);
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
        IpAddress? trimmedAddress = null;
        IpCidr? trimmedCidr = null;
        if (problem != IpProblem.None)
        {
            // A strict-mode entry that only fails because of surrounding spaces: say so, and offer the trimmed value.
            var trimmed = text.Trim();
            if (hasWhitespace && text.Length != trimmed.Length && TryParseTrimmed(trimmed, isCidr, out trimmedAddress, out trimmedCidr))
            {
                message = $"\"{text}\" has whitespace, which is not trimmed here (no spaces after commas); use \"{trimmed}\"";
            }
            else
            {
                message = canonical is null ? $"\"{text}\" {detail}" : $"\"{text}\" {detail}; use \"{canonical}\"";
            }
        }

        return new DualStackListItem(index, text, offset, problem, detail, message, address, cidr, hasWhitespace)
        {
            TrimmedAddress = trimmedAddress,
            TrimmedCidr = trimmedCidr,
        };
    }

    private static bool TryParseTrimmed(string trimmed, bool isCidr, out IpAddress? address, out IpCidr? cidr)
    {
        (address, cidr) = (null, null);
        if (isCidr && IpParser.TryParseCidrSloppy(trimmed, out var c))
        {
            cidr = c;
        }
        else if (!isCidr && IpParser.TryParseSloppy(trimmed, out var a))
        {
            address = a;
        }

        return address is not null || cidr is not null;
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
}
