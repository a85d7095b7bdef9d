using System.Text;
using DualStack.Cli.Lsp.Protocol;

namespace DualStack.Cli.Lsp.Documents;

/// <summary>Applies the content changes of one <c>textDocument/didChange</c>, in order, as the specification says.</summary>
internal static class TextChanges
{
    public static string Apply(string text, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        foreach (var change in changes)
        {
            if (change.Range is null)
            {
                text = change.Text ?? string.Empty;
                continue;
            }

            var index = new LineIndex(text);
            var start = index.OffsetOf(change.Range.Start);
            var end = Math.Max(start, index.OffsetOf(change.Range.End));
            text = new StringBuilder(text.Length - (end - start) + (change.Text?.Length ?? 0))
                .Append(text, 0, start)
                .Append(change.Text)
                .Append(text, end, text.Length - end)
                .ToString();
        }

        return text;
    }
}
