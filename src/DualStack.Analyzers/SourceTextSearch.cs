using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DualStack.Analyzers;

/// <summary>
/// Whether source text spells any of a few words: the text gate an analyzer runs at compilation start to register
/// nothing in a compilation that cannot hold what it looks for. Text is read in chunks into one reused buffer (no
/// string per file or per chunk); consecutive chunks overlap by the longest word minus one character, so a word that
/// straddles two chunks is still seen whole in one of them.
/// </summary>
internal static class SourceTextSearch
{
    private const int ChunkLength = 16 * 1024;

    [ThreadStatic]
    private static char[]? t_buffer;

    /// <summary>
    /// True when any syntax tree of the compilation spells one of <paramref name="words"/>. Word by word, in the
    /// order given (put the likeliest first): a compilation that holds the first word is answered after reading only
    /// as far as its first mention, rather than searching every file before it for every word.
    /// </summary>
    public static bool AnyTreeContains(Compilation compilation, string[] words, CancellationToken cancellationToken)
    {
        var buffer = t_buffer ??= new char[ChunkLength];
        var oneWord = new string[1];
        foreach (var word in words)
        {
            oneWord[0] = word;
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var text = tree.GetText(cancellationToken);
                if (Find(text, oneWord, new TextSpan(0, text.Length), buffer) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The position of the first <paramref name="word"/> that lies wholly within <paramref name="span"/> of <paramref name="text"/>, or -1.</summary>
    public static int IndexOf(SourceText text, string word, TextSpan span) =>
        Find(text, [word], span, t_buffer ??= new char[ChunkLength]);

    /// <summary>True when <paramref name="text"/> spells <paramref name="word"/>, read through <paramref name="buffer"/>.</summary>
    internal static bool Contains(SourceText text, string word, char[] buffer) =>
        Find(text, [word], new TextSpan(0, text.Length), buffer) >= 0;

    /// <summary>True when the text of <paramref name="node"/> (without its leading and trailing trivia) spells one of <paramref name="words"/>.</summary>
    public static bool NodeContainsAny(SyntaxNode node, string[] words)
    {
        // The tree's text is read in place: the node's own ToString walks every token and trivia into a new string.
        return node.SyntaxTree.TryGetText(out var text)
            ? ContainsAny(text.GetSubText(node.Span), words, t_buffer ??= new char[ChunkLength])
            : ContainsAny(SourceText.From(node.ToString()), words, t_buffer ??= new char[ChunkLength]);
    }

    /// <summary>The node's text without its leading and trailing trivia, as <c>ToString</c> gives it, cut from the tree's text where the tree has it.</summary>
    public static string TextOf(SyntaxNode node) =>
        node.SyntaxTree.TryGetText(out var text) ? text.ToString(node.Span) : node.ToString();

    /// <summary>True when <paramref name="text"/> spells one of <paramref name="words"/>, read through <paramref name="buffer"/>.</summary>
    public static bool ContainsAny(SourceText text, string[] words, char[] buffer) =>
        Find(text, words, new TextSpan(0, text.Length), buffer) >= 0;

    /// <summary>
    /// Where one of <paramref name="words"/> lies wholly within <paramref name="span"/>: the first match in the first
    /// chunk that holds one, trying the words in order (so for one word, its first position), or -1.
    /// </summary>
    private static int Find(SourceText text, string[] words, TextSpan span, char[] buffer)
    {
        var overlap = 0;
        foreach (var word in words)
        {
            overlap = Math.Max(overlap, word.Length - 1);
        }

        if (buffer.Length <= overlap)
        {
            // Each chunk must move the search forward past the overlap it keeps.
            throw new ArgumentException("The buffer must hold at least the longest word.", nameof(buffer));
        }

        var start = span.Start;
        while (start < span.End)
        {
            var count = Math.Min(buffer.Length, span.End - start);
            text.CopyTo(start, buffer, 0, count);
            var chunk = new ReadOnlySpan<char>(buffer, 0, count);
            foreach (var word in words)
            {
                var found = chunk.IndexOf(word.AsSpan(), StringComparison.Ordinal);
                if (found >= 0)
                {
                    return start + found;
                }
            }

            if (start + count >= span.End)
            {
                break;
            }

            start += count - overlap;
        }

        return -1;
    }
}
