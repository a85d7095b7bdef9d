using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DualStack.Manifests.Yaml;

/// <summary>
/// Wraps YamlDotNet's parser and stops a document, with a <see cref="YamlException"/> at the offending event, before
/// it can hurt: nesting deeper than <see cref="YamlLimits.MaxDepth"/> (the tree is built recursively), an alias to a
/// node that contains it (a cyclic tree that makes every walk endless), and aliases that would expand to more than
/// <see cref="YamlLimits.MaxAliasExpansion"/> extra nodes. Works on the event stream, so the check costs nothing
/// extra and never recurses itself.
/// </summary>
internal sealed class GuardedParser : IParser
{
    private readonly IParser _inner;
    private readonly int _maxDepth;
    private readonly long _maxAliasExpansion;

    // One frame per open mapping or sequence: its anchor and the expanded size of its content so far.
    private readonly List<(string? Anchor, long Size)> _open = [];
    private readonly Dictionary<string, long> _anchorSizes = new(StringComparer.Ordinal);

    // Nodes the aliases of the current document add when expanded: the expanded size of each alias's anchor.
    private long _aliasNodes;

    public GuardedParser(IParser inner, int maxDepth = YamlLimits.MaxDepth, long maxAliasExpansion = YamlLimits.MaxAliasExpansion)
    {
        _inner = inner;
        _maxDepth = maxDepth;
        _maxAliasExpansion = maxAliasExpansion;
    }

    public ParsingEvent? Current => _inner.Current;

    /// <summary>Each document read so far: the offsets where its start and end events begin.</summary>
    public List<(long Start, long End)> Documents { get; } = [];

    /// <summary>Where the last event read started: the place to report when the inner parser fails without a position.</summary>
    public Mark LastStart { get; private set; } = Mark.Empty;

    public bool MoveNext()
    {
        if (!_inner.MoveNext())
        {
            return false;
        }

        LastStart = _inner.Current?.Start ?? LastStart;
        switch (_inner.Current)
        {
            case DocumentStart document:
                _open.Clear();
                _anchorSizes.Clear();
                _aliasNodes = 0;
                Documents.Add((document.Start.Index, -1));
                break;
            case DocumentEnd end when Documents.Count > 0:
                Documents[Documents.Count - 1] = (Documents[Documents.Count - 1].Start, end.Start.Index);
                break;
            case MappingStart or SequenceStart:
                var start = (NodeEvent)_inner.Current;
                if (_open.Count >= _maxDepth)
                {
                    throw new YamlLimitException(start.Start, start.End,
                        $"mappings and sequences are nested more than {_maxDepth} levels deep");
                }

                _open.Add((AnchorOf(start), 0));
                break;
            case MappingEnd or SequenceEnd:
                if (_open.Count > 0)
                {
                    var closed = _open[_open.Count - 1];
                    _open.RemoveAt(_open.Count - 1);
                    Completed(closed.Anchor, Saturating(closed.Size, 1));
                }

                break;
            case Scalar scalar:
                Completed(AnchorOf(scalar), 1);
                break;
            case AnchorAlias alias:
                Alias(alias);
                break;
        }

        return true;
    }

    private static string? AnchorOf(NodeEvent node) => node.Anchor.IsEmpty ? null : node.Anchor.Value;

    private void Alias(AnchorAlias alias)
    {
        var name = alias.Value.Value;
        foreach (var open in _open)
        {
            if (open.Anchor == name)
            {
                throw new YamlLimitException(alias.Start, alias.End,
                    $"alias \"*{name}\" refers to a node that contains it, so the document would be infinite");
            }
        }

        // An unknown anchor is left to YamlDotNet, which reports it.
        if (_anchorSizes.TryGetValue(name, out var size))
        {
            Completed(null, size);
            _aliasNodes = Saturating(_aliasNodes, size);
            if (_aliasNodes > _maxAliasExpansion)
            {
                throw new YamlLimitException(alias.Start, alias.End,
                    $"aliases expand to more than {_maxAliasExpansion.ToString("N0", CultureInfo.InvariantCulture)} nodes (an alias bomb such as \"billion laughs\")");
            }
        }
    }

    // A node (or an alias standing for one) is complete: remember an anchor's expanded size and add it to the parent.
    private void Completed(string? anchor, long size)
    {
        if (anchor is not null)
        {
            _anchorSizes[anchor] = size;
        }

        if (_open.Count > 0)
        {
            var parent = _open[_open.Count - 1];
            _open[_open.Count - 1] = (parent.Anchor, Saturating(parent.Size, size));
        }
    }

    private static long Saturating(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
