namespace DualStack.Manifests.Rendering;

/// <summary>A position found in a source file: 1-based line, start column and exclusive end column.</summary>
public readonly record struct TemplatePosition(int Line, int Column, int EndColumn);

/// <summary>
/// Finds where a node of rendered output was written in its source (a Helm template, a kustomize resource): the line
/// that sets the same key path, narrowed by the node's literal value when several do; or, failing that, the one line
/// that holds the literal value. Returns null rather than guess when it is ambiguous.
/// </summary>
public static class TemplateLocator
{
    // A value this short ("80", "a") is on too many lines to identify one.
    private const int MinLiteralLength = 3;

    public static TemplatePosition? Locate(IReadOnlyList<TemplateLine> lines, NodePath target)
    {
        var candidates = lines.Where(l => SamePath(l.Path, target.Path)).ToList();
        var literal = target.IsKey ? null : target.Scalar;
        if (candidates.Count > 1 && literal is { Length: >= MinLiteralLength })
        {
            var withValue = candidates.Where(c => ValueIndex(c, literal!) >= 0).ToList();
            if (withValue.Count > 0)
            {
                candidates = withValue;
            }
        }

        if (candidates.Count > 1)
        {
            candidates = BySiblings(lines, candidates, target);
        }

        if (candidates.Count == 1)
        {
            return PositionIn(candidates[0], target, literal);
        }

        if (candidates.Count == 0 && literal is { Length: >= MinLiteralLength })
        {
            var holding = lines.Where(l => ValueIndex(l, literal) >= 0).ToList();
            if (holding.Count == 1)
            {
                return PositionIn(holding[0], target, literal);
            }
        }

        return null;
    }

    // Several items set the same key path (env[].value): keep the items whose lines hold one of the node's sibling
    // values (the env entry's name), when that leaves exactly one.
    private static List<TemplateLine> BySiblings(IReadOnlyList<TemplateLine> lines, List<TemplateLine> candidates, NodePath target)
    {
        var item = LastIndexOf(target.Path, NodePath.Item);
        if (item < 0 || target.Siblings.Count == 0)
        {
            return candidates;
        }

        var index = lines.Select((line, i) => (line, i)).ToDictionary(p => p.line, p => p.i);
        var matching = candidates.Where(c => ItemLines(lines, index[c], item + 1).Any(l =>
            target.Siblings.Any(s => s != target.Scalar && s.Length >= MinLiteralLength && ValueIndex(l, s) >= 0))).ToList();
        return matching.Count == 1 ? matching : candidates;
    }

    // The lines of the sequence item that holds lines[at]: neighbours sharing the path up to the item, stopping at the
    // line that starts the next item.
    private static IEnumerable<TemplateLine> ItemLines(IReadOnlyList<TemplateLine> lines, int at, int prefixLength)
    {
        var prefix = lines[at].Path.Take(prefixLength).ToArray();
        bool InItem(TemplateLine l) => l.Path.Count >= prefixLength && SamePath(l.Path.Take(prefixLength).ToArray(), prefix);
        bool StartsItem(TemplateLine l) => l.Text.TrimStart().StartsWith("-", StringComparison.Ordinal) && l.Path.Count <= prefixLength + 1;
        var first = at;
        while (first > 0 && !StartsItem(lines[first]) && InItem(lines[first - 1]))
        {
            first--;
        }

        for (var i = first; i < lines.Count && InItem(lines[i]) && (i == first || !StartsItem(lines[i])); i++)
        {
            yield return lines[i];
        }
    }

    private static int LastIndexOf(IReadOnlyList<string> path, string segment)
    {
        for (var i = path.Count - 1; i >= 0; i--)
        {
            if (path[i] == segment)
            {
                return i;
            }
        }

        return -1;
    }

    private static TemplatePosition PositionIn(TemplateLine line, NodePath target, string? literal)
    {
        var end = line.Text.TrimEnd().Length + 1;
        if (target.IsKey && line.KeyColumn > 0)
        {
            var keyLength = target.Path.Count > 0 ? target.Path[target.Path.Count - 1].Length : 1;
            return new TemplatePosition(line.Line, line.KeyColumn, line.KeyColumn + keyLength);
        }

        if (!string.IsNullOrEmpty(literal) && ValueIndex(line, literal!) is var index and >= 0)
        {
            // A quoted value's span includes its quotes, as the YAML node's does.
            var after = index + literal!.Length;
            var quoted = index > 0 && after < line.Text.Length && line.Text[index - 1] is '"' or '\'' && line.Text[after] == line.Text[index - 1];
            return quoted
                ? new TemplatePosition(line.Line, index, after + 2)
                : new TemplatePosition(line.Line, index + 1, after + 1);
        }

        var start = line.ValueColumn > 0 ? line.ValueColumn : Math.Max(line.KeyColumn, 1);
        return new TemplatePosition(line.Line, start, Math.Max(end, start + 1));
    }

    // Where the literal appears in the value part of the line, outside template actions ("{{ .b }}" holds no "b"), or -1.
    private static int ValueIndex(TemplateLine line, string literal)
    {
        if (line.ValueColumn <= 0 || literal.Length == 0)
        {
            return -1;
        }

        var text = line.Text;
        for (var at = text.IndexOf(literal, line.ValueColumn - 1, StringComparison.Ordinal); at >= 0; at = text.IndexOf(literal, at + 1, StringComparison.Ordinal))
        {
            var open = text.LastIndexOf("{{", at, StringComparison.Ordinal);
            if (open < 0 || text.LastIndexOf("}}", at, StringComparison.Ordinal) > open)
            {
                return at;
            }
        }

        return -1;
    }

    private static bool SamePath(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
