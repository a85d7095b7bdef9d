using DualStack.Manifests.Yaml;

namespace DualStack.Manifests.Tests.Yaml;

public sealed class DocumentChunkerTests
{
    private const string ThreeDocuments = "a: 1\n---\nb: &x {c: 2}\n...\n# end\nd: <<\n";

    [Fact]
    public void Chunks_are_places_in_the_text_that_read_as_their_own_text()
    {
        var chunks = DocumentChunker.Split(ThreeDocuments).ToList();
        Assert.Equal(["a: 1\n", "---\nb: &x {c: 2}\n", "# end\nd: <<\n"], chunks.Select(c => c.Text));
        Assert.Equal([(0, 0), (5, 1), (26, 4)], chunks.Select(c => (c.IndexOffset, c.LineOffset)));
        Assert.All(chunks, c => Assert.Same(ThreeDocuments, c.Source));
        Assert.All(chunks, c => Assert.Equal(c.Text, c.Reader().ReadToEnd()));
    }

    [Fact]
    public void A_chunk_reader_stops_at_the_chunk_end_whatever_the_read_size()
    {
        var chunk = DocumentChunker.Split(ThreeDocuments).ElementAt(1);
        foreach (var size in new[] { 1, 3, 7, 1024 })
        {
            var reader = chunk.Reader();
            var read = new System.Text.StringBuilder();
            var buffer = new char[size + 2];
            int n;
            while ((n = reader.Read(buffer, 1, size)) > 0)
            {
                read.Append(buffer, 1, n);
            }

            Assert.Equal(chunk.Text, read.ToString());
            Assert.Equal(-1, reader.Peek());
            Assert.Equal(-1, reader.Read());
        }

        var single = chunk.Reader();
        Assert.Equal('-', (char)single.Peek());
        Assert.Equal('-', (char)single.Read());
        Assert.Equal("--\nb", single.ReadToEnd().Substring(0, 4));
    }

    [Fact]
    public void Contains_looks_only_inside_the_chunk()
    {
        var chunks = DocumentChunker.Split(ThreeDocuments).ToList();
        Assert.Equal([false, false, true], chunks.Select(c => c.Contains("<<")));
        Assert.Equal([true, false, false], chunks.Select(c => c.Contains("a: 1")));
    }

    [Fact]
    public void Directives_stay_with_the_document_their_marker_starts()
    {
        var chunks = DocumentChunker.Split("%YAML 1.2\n---\na: 1\n---\nb: 2\n").Select(c => c.Text).ToList();
        Assert.Equal(["%YAML 1.2\n---\na: 1\n", "---\nb: 2\n"], chunks);
    }
}
