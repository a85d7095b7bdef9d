using DualStack.Cli.Lsp.Documents;
using DualStack.Cli.Lsp.Protocol;

namespace DualStack.Lsp.Tests;

/// <summary>Incremental sync in process: positions are (line, UTF-16 code unit), lines end at \n, \r\n or \r.</summary>
public sealed class TextChangesTests
{
    [Theory]
    [InlineData("a: 1\nb: 2\n", 1, 0, 1, 1, "c", "a: 1\nc: 2\n")]
    [InlineData("a: 1\r\nb: 2\r\n", 1, 3, 1, 4, "3", "a: 1\r\nb: 3\r\n")]
    [InlineData("a: 1\rb: 2", 1, 0, 1, 0, "#", "a: 1\r#b: 2")]
    [InlineData("x: \"😀\"\ny: 1\n", 0, 6, 0, 6, "!", "x: \"😀!\"\ny: 1\n")]
    [InlineData("a: 1\nb: 2", 0, 99, 1, 0, "", "a: 1b: 2")]
    [InlineData("a: 1\n", 7, 0, 9, 0, "b: 2\n", "a: 1\nb: 2\n")]
    [InlineData("a: 1\nb: 2\n", 0, 0, 2, 0, "", "")]
    public void A_range_change_replaces_exactly_its_utf16_range(string text, int line, int character, int endLine, int endCharacter, string newText, string expected)
    {
        var change = new TextDocumentContentChangeEvent(new DualStack.Cli.Lsp.Protocol.Range(new Position(line, character), new Position(endLine, endCharacter)), newText);
        Assert.Equal(expected, TextChanges.Apply(text, [change]));
    }

    [Fact]
    public void Changes_of_one_notification_apply_in_order_and_a_full_change_resets_the_text()
    {
        var changes = new[]
        {
            new TextDocumentContentChangeEvent(null, "a: 1\n"),
            new TextDocumentContentChangeEvent(new DualStack.Cli.Lsp.Protocol.Range(new Position(1, 0), new Position(1, 0)), "b: 2\n"),
            new TextDocumentContentChangeEvent(new DualStack.Cli.Lsp.Protocol.Range(new Position(1, 3), new Position(1, 4)), "3"),
        };
        Assert.Equal("a: 1\nb: 3\n", TextChanges.Apply("old text", changes));
    }

    [Fact]
    public void Positions_and_offsets_round_trip_across_line_ends_and_surrogate_pairs()
    {
        var text = "a\r\n😀b\rc\nd";
        var index = new LineIndex(text);
        Assert.Equal(4, index.LineCount);
        for (var offset = 0; offset <= text.Length; offset++)
        {
            if (offset > 0 && text[offset - 1] == '\r' && offset < text.Length && text[offset] == '\n')
            {
                continue; // between \r and \n: not a position of its own
            }

            Assert.Equal(offset, index.OffsetOf(index.PositionOf(offset)));
        }

        Assert.Equal(new Position(1, 2), index.PositionOf(text.IndexOf('b')));
    }
}
