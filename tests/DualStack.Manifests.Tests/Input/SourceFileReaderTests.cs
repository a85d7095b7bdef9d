using System.Text;

namespace DualStack.Manifests.Tests.Input;

public sealed class SourceFileReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dslint-reader-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Reads_utf8_text_and_drops_the_byte_order_mark()
    {
        var path = Write("a.yaml", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("kind: Service\n")]);
        var file = SourceFileReader.Default.Read(path, "deploy/a.yaml");
        Assert.Equal("deploy/a.yaml", file.Path);
        Assert.Equal("kind: Service\n", file.Text);
        Assert.Null(file.ReadError);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_without_being_read()
    {
        // 100 MB of nothing: SetLength makes a sparse file, so the test writes no data and reading it would be slow.
        var path = Path.Combine(_dir, "huge.yaml");
        using (var stream = new FileStream(path, FileMode.CreateNew))
        {
            stream.SetLength(100L * 1024 * 1024);
        }

        var file = SourceFileReader.Default.Read(path, "huge.yaml");
        Assert.Null(file.Text);
        Assert.Equal("the file is 100 MB (104,857,600 bytes), over the 10 MB size limit; it was not read; raise the limit with --max-file-size or dualstack_lint.max_file_size in .editorconfig", file.ReadError);

        var finding = Assert.Single(ManifestTestHelper.Lint([file]));
        Assert.Equal(("DS0002", 1, 1), (finding.RuleId, finding.Line, finding.Column));
    }

    [Fact]
    public void The_size_limit_is_configurable()
    {
        var path = Write("a.yaml", Encoding.UTF8.GetBytes("a: 1\nb: 2\n"));
        Assert.NotNull(new SourceFileReader(maxBytes: 10).Read(path).Text);
        Assert.Equal("the file is 10 bytes, over the 9 bytes size limit; it was not read; raise the limit with --max-file-size or dualstack_lint.max_file_size in .editorconfig", new SourceFileReader(maxBytes: 9).Read(path).ReadError);
    }

    [Fact]
    public void A_small_file_read_after_a_larger_one_holds_only_its_own_bytes()
    {
        // Small inputs share one read buffer per thread; what an earlier, longer file left in it must not show.
        var large = Write("large.yaml", Encoding.UTF8.GetBytes("a: " + new string('x', 50_000) + "\n"));
        var small = Write("small.yaml", Encoding.UTF8.GetBytes("b: 2\n"));
        Assert.Equal(50_004, SourceFileReader.Default.Read(large).Text!.Length);
        Assert.Equal("b: 2\n", SourceFileReader.Default.Read(small).Text);
        Assert.Equal("b: 2\n", SourceFileReader.Default.Read(new MemoryStream(Encoding.UTF8.GetBytes("b: 2\n")), "-").Text);
    }

    [Fact]
    public void A_stream_under_a_small_limit_is_read_only_one_byte_past_it()
    {
        // The shared read buffer is larger than a small limit; reading still stops right after the limit.
        var endless = new EndlessStream();
        var file = new SourceFileReader(maxBytes: 100).Read(endless, "-");
        Assert.Equal("the input is over the 100 bytes size limit; it was not read; raise the limit with --max-file-size or dualstack_lint.max_file_size in .editorconfig", file.ReadError);
        Assert.Equal(101, endless.BytesRead);
    }

    [Fact]
    public void A_file_larger_than_the_shared_buffer_is_read_whole()
    {
        var text = "a: " + new string('y', 3 * 1024 * 1024) + "\n";
        var path = Write("big.yaml", Encoding.UTF8.GetBytes(text));
        Assert.Equal(text, SourceFileReader.Default.Read(path).Text);
        Assert.Equal(text, SourceFileReader.Default.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "-").Text);
    }

    [Fact]
    public void A_stream_over_the_limit_is_read_only_up_to_the_limit()
    {
        var endless = new EndlessStream();
        var file = new SourceFileReader(maxBytes: 1024 * 1024).Read(endless, "-");
        Assert.Equal("the input is over the 1 MB size limit; it was not read; raise the limit with --max-file-size or dualstack_lint.max_file_size in .editorconfig", file.ReadError);
        Assert.True(endless.BytesRead <= 1024 * 1024 + 81920, $"read {endless.BytesRead} bytes");
    }

    [Fact]
    public void A_binary_file_is_refused()
    {
        var path = Write("logo.yaml", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);
        var file = SourceFileReader.Default.Read(path, "logo.yaml");
        Assert.Equal("the file is binary, not text (a NUL byte at offset 8); only YAML and JSON files can be linted", file.ReadError);
    }

    [Fact]
    public void Invalid_utf8_is_refused_with_the_byte_and_its_line()
    {
        var path = Write("latin1.yaml", [.. Encoding.ASCII.GetBytes("a: 1\nname: caf"), 0xE9, .. Encoding.ASCII.GetBytes("\n")]);
        var file = SourceFileReader.Default.Read(path, "latin1.yaml");
        Assert.Null(file.Text);
        Assert.Equal("the file is not valid UTF-8 (0xE9 at byte offset 14, line 2); save it as UTF-8, the encoding YAML and Kubernetes expect", file.ReadError);
    }

    [Fact]
    public void Utf16_with_a_byte_order_mark_is_decoded()
    {
        var path = Write("u16.yaml", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("a: 1\n")]);
        Assert.Equal("a: 1\n", SourceFileReader.Default.Read(path).Text);
    }

    [Fact]
    public void A_missing_file_or_a_directory_is_a_reason_not_an_exception()
    {
        Assert.Equal("the file does not exist", SourceFileReader.Default.Read(Path.Combine(_dir, "nope.yaml")).ReadError);
        Assert.Equal("the path is a directory, not a file", SourceFileReader.Default.Read(_dir).ReadError);
    }

    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'a', offset, count);
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
