using System.Text;
using DualStack.Manifests;
using static DualStack.Cli.Tests.Hardening.HardeningFiles;

namespace DualStack.Cli.Tests.Hardening;

/// <summary>
/// Issue 11 items 5, 6 and 10: <c>--fix</c> never loses a byte the user owns. Read-only and unwritable files are
/// reported and skipped while the rest are fixed; owner, group, mode and hard links survive; a file changed after it was
/// linted is left alone; a file whose bytes cannot be reproduced is never rewritten.
/// </summary>
public sealed class FixSafetyTests
{
    [Fact]
    public void A_read_only_file_is_reported_and_skipped_and_the_others_are_fixed()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        folder.Write("a.yaml", Service);
        var readOnly = folder.Write("b.yaml", Service);
        folder.Write("c.yaml", Service);
        File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = Dslint.Run(folder.Path, "lint", "--fix");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(FixedService, folder.Read("a.yaml"));
        Assert.Equal(Service, folder.Read("b.yaml"));
        Assert.Equal(FixedService, folder.Read("c.yaml"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(readOnly));
        Assert.Contains("dslint: warning: b.yaml: not fixed: the file is read-only (mode 444); make it writable to fix it", result.StderrLines);
        Assert.Contains("dslint: fixed 2 problems in 2 files", result.StderrLines);
        Assert.Contains(result.StdoutLines, l => l.StartsWith("b.yaml:5:1: warning DS2005:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_the_user_cannot_write_does_not_stop_the_run()
    {
        if (!IsLinuxRoot)
        {
            return;
        }

        using var folder = new TempFolder();
        OpenToEveryone(folder.Path);
        var files = new[] { "a.yaml", "b.yaml", "c.yaml" }.Select(name => folder.Write(name, Service)).ToList();
        Run("chown", $"{OtherUser}:{OtherUser}", files[0], files[2]);

        // b.yaml stays root's (mode 644): nobody can read it but not write it.
        var result = RunAsOtherUser(folder.Path, "lint", "--fix");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(FixedService, folder.Read("a.yaml"));
        Assert.Equal(Service, folder.Read("b.yaml"));
        Assert.Equal(FixedService, folder.Read("c.yaml"));
        Assert.Contains(result.StderrLines, l => l.StartsWith("dslint: warning: b.yaml: not fixed: it could not be written (Access to the path", StringComparison.Ordinal));
        Assert.Contains("dslint: fixed 2 problems in 2 files", result.StderrLines);
    }

    [Fact]
    public void Owner_group_and_mode_of_a_file_survive_a_fix_by_another_user()
    {
        if (!IsLinuxRoot)
        {
            return;
        }

        using var folder = new TempFolder();
        var path = folder.Write("svc.yaml", Service);
        Run("chown", $"{OtherUser}:{OtherUser}", path);
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("640", 8));
        var before = FileStatus.Of(path);

        Dslint.Run(folder.Path, "lint", "--fix");

        var after = FileStatus.Of(path);
        Assert.Equal(FixedService, folder.Read("svc.yaml"));
        Assert.Equal((OtherUser, OtherUser, Convert.ToUInt32("640", 8), before.Inode), (after.UserId, after.GroupId, after.Mode, after.Inode));
        Assert.Equal(["svc.yaml"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Hard_links_survive_a_fix()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var folder = new TempFolder();
        var path = folder.Write("svc.yaml", Service);
        var link = Path.Combine(folder.Path, "elsewhere", "linked.yml");
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        Run("ln", path, link);

        Dslint.Run(folder.Path, "lint", "svc.yaml", "--fix");

        Assert.Equal(FixedService, File.ReadAllText(path));
        Assert.Equal(FixedService, File.ReadAllText(link));
        Assert.Equal(2u, FileStatus.Of(path).LinkCount);
        Assert.Equal(FileStatus.Of(path).Inode, FileStatus.Of(link).Inode);
    }

    [Fact]
    public void A_file_changed_after_it_was_linted_is_left_alone()
    {
        using var folder = new TempFolder();
        var path = folder.Write("svc.yaml", Service);
        var input = new Input.InputFile(SourceFileReader.Default.Read(path, "svc.yaml"), path, IsStandardInput: false);

        // Someone appends a line between the read and the write.
        File.AppendAllText(path, "# added by a colleague\n");
        var reason = Fixing.FixedFileWriter.TryWrite(input, Service, FixedService);

        Assert.Equal("the file changed after it was linted; run dslint again", reason);
        Assert.Equal(Service + "# added by a colleague\n", File.ReadAllText(path));
        Assert.Equal(["svc.yaml"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_UTF16_file_with_a_lone_surrogate_is_never_rewritten()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "svc.yaml");
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Service + "# "), 0x00, 0xD8, .. Encoding.Unicode.GetBytes("\n")];
        File.WriteAllBytes(path, bytes);

        var result = Dslint.Run(folder.Path, "lint", "--fix");

        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Contains(result.StderrLines, l => l.StartsWith("dslint: warning: svc.yaml: not fixed: the file is not valid UTF-16 (a lone surrogate", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("utf-32")]
    [InlineData("utf-32BE")]
    [InlineData("utf-16BE")]
    public void Wide_encodings_are_fixed_and_written_back_in_the_same_encoding(string name)
    {
        var encoding = Encoding.GetEncoding(name);
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "svc.yaml");
        File.WriteAllBytes(path, [.. encoding.GetPreamble(), .. encoding.GetBytes(Service)]);

        Dslint.Run(folder.Path, "lint", "--fix");

        byte[] expected = [.. encoding.GetPreamble(), .. encoding.GetBytes(FixedService)];
        Assert.Equal(expected, File.ReadAllBytes(path));
    }

    [Fact]
    public void CR_only_line_ends_are_fixed_with_CR_line_ends()
    {
        using var folder = new TempFolder();
        folder.Write("svc.yaml", Service.Replace('\n', '\r'));

        var result = Dslint.Run(folder.Path, "lint", "--fix");

        Assert.Equal(FixedService.Replace('\n', '\r'), folder.Read("svc.yaml"));
        Assert.Contains("dslint: fixed 1 problem in 1 file", result.StderrLines);
    }
}
