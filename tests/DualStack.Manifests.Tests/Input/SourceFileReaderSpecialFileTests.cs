using System.Diagnostics;
using System.Text;

namespace DualStack.Manifests.Tests.Input;

/// <summary>
/// Issue 11 items 2 and 10: entries that are not regular files (a named pipe would block the reader until a writer
/// comes), and byte-order marks beyond UTF-8 and UTF-16.
/// </summary>
public sealed class SourceFileReaderSpecialFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dslint-special-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_named_pipe_is_reported_as_not_a_regular_file_without_blocking()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fifo = MakeFifo(Path.Combine(_dir, "pipe.yaml"));
        var read = Task.Run(() => SourceFileReader.Default.Read(fifo, "pipe.yaml"));
        try
        {
            Assert.Same(read, await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(20))));
            var file = await read;
            Assert.Null(file.Text);
            Assert.Equal("not a regular file: a named pipe (FIFO); only regular files are read", file.ReadError);
        }
        finally
        {
            // A reader stuck in open() is released by a writer, so a failing test does not hang the test run.
            if (!read.IsCompleted)
            {
                using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            }
        }
    }

    [Fact]
    public void A_character_device_is_reported_as_not_a_regular_file()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Assert.Equal("not a regular file: a character device; only regular files are read", SourceFileReader.Default.Read("/dev/zero", "zero.yaml").ReadError);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_UTF32_byte_order_mark_is_read_as_UTF32(bool bigEndian)
    {
        var encoding = new UTF32Encoding(bigEndian, byteOrderMark: true);
        var path = Path.Combine(_dir, "wide.yaml");
        File.WriteAllBytes(path, [.. encoding.GetPreamble(), .. encoding.GetBytes("a: 1\n")]);

        var file = SourceFileReader.Default.Read(path);
        Assert.Equal("a: 1\n", file.Text);
        Assert.Equal(bigEndian ? TextEncoding.Utf32BigEndian : TextEncoding.Utf32LittleEndian, file.Encoding);
    }

    [Fact]
    public void A_lone_surrogate_in_UTF16_is_linted_but_marked_as_not_round_trippable()
    {
        var path = Path.Combine(_dir, "lone.yaml");
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("a: "), 0x00, 0xD8, .. Encoding.Unicode.GetBytes("\n")];
        File.WriteAllBytes(path, bytes);

        var file = SourceFileReader.Default.Read(path);
        Assert.Equal("a: \uFFFD\n", file.Text);
        Assert.Equal(TextEncoding.Utf16LittleEndian, file.Encoding);
        Assert.Equal("the file is not valid UTF-16 (a lone surrogate or invalid code point near byte offset 8), so it is linted with U+FFFD in its place and never rewritten", file.NotRoundTrippable);
    }

    [Fact]
    public void Valid_UTF16_and_UTF8_files_keep_their_encoding_and_round_trip()
    {
        var path = Path.Combine(_dir, "be.yaml");
        File.WriteAllBytes(path, [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("a: \U0001F600\n")]);
        var file = SourceFileReader.Default.Read(path);
        Assert.Equal((TextEncoding.Utf16BigEndian, (string?)null), (file.Encoding, file.NotRoundTrippable));
        var encoding = TextEncodings.ToEncoding(file.Encoding);
        byte[] written = [.. encoding.GetPreamble(), .. encoding.GetBytes(file.Text!)];
        Assert.Equal(File.ReadAllBytes(path), written);

        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("a: 1\n")]);
        Assert.Equal(TextEncoding.Utf8WithBom, SourceFileReader.Default.Read(path).Encoding);
    }

    internal static string MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }
}
