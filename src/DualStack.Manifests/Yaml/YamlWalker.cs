using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Yaml;

/// <summary>Visits the nodes of a tree without recursion, each node once even when aliases share it.</summary>
public static class YamlWalker
{
    /// <summary>Every distinct node below and including <paramref name="root"/>, keys included, in document order.</summary>
    public static IEnumerable<YamlNode> DistinctNodes(YamlNode root)
    {
        var seen = new HashSet<YamlNode>(ReferenceComparer.Instance);
        var stack = new Stack<YamlNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!seen.Add(node))
            {
                continue;
            }

            yield return node;
            switch (node)
            {
                case YamlMappingNode mapping:
                    foreach (var entry in mapping.Children.Reverse())
                    {
                        stack.Push(entry.Value);
                        stack.Push(entry.Key);
                    }

                    break;
                case YamlSequenceNode sequence:
                    for (var i = sequence.Children.Count - 1; i >= 0; i--)
                    {
                        stack.Push(sequence.Children[i]);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// The span of a whole node in file coordinates. YamlDotNet leaves the end of block mappings and sequences at the
    /// start of the file, so the end is taken from the last descendant.
    /// </summary>
    public static SourceSpan FullSpanOf(LoadedDocument document, YamlNode node)
    {
        var start = document.SpanOf(node);
        var end = start;
        foreach (var descendant in DistinctNodes(node))
        {
            var span = document.SpanOf(descendant);
            if (span.Start + span.Length > end.Start + end.Length)
            {
                end = span;
            }
        }

        return new SourceSpan(start.Line, start.Column, end.EndLine, end.EndColumn, start.Start, end.Start + end.Length - start.Start);
    }

    // YamlNode overrides Equals by value; identity is what tells shared (aliased) nodes apart.
    internal sealed class ReferenceComparer : IEqualityComparer<YamlNode>
    {
        public static ReferenceComparer Instance { get; } = new();

        public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

        public int GetHashCode(YamlNode obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
