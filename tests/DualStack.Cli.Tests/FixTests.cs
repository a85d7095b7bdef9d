using System.Text;

namespace DualStack.Cli.Tests;

/// <summary>
/// <c>--fix</c> through the real tool, with DS2005 (single-stack Service on a dual-stack target), whose fix inserts or
/// replaces <c>ipFamilyPolicy</c>: the file changes exactly at the edits, comments stay, a second run changes nothing.
/// </summary>
public sealed class FixTests
{
    private const string Services = """
        # Front end. Keep this comment.
        apiVersion: v1
        kind: Service
        metadata:
          name: web   # public name
        spec:
          selector:
            app: web
          ports:
            - port: 80   # http
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: api
        spec:
          ipFamilyPolicy: SingleStack   # set long ago
          ports: [{port: 8080}]

        """;

    private const string Fixed = """
        # Front end. Keep this comment.
        apiVersion: v1
        kind: Service
        metadata:
          name: web   # public name
        spec:
          ipFamilyPolicy: PreferDualStack
          selector:
            app: web
          ports:
            - port: 80   # http
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: api
        spec:
          ipFamilyPolicy: PreferDualStack   # set long ago
          ports: [{port: 8080}]

        """;

    [Fact]
    public void Lint_without_fix_reports_DS2005_and_leaves_the_file_alone()
    {
        using var folder = new TempFolder();
        folder.Write("k8s/services.yaml", Services);

        var result = Dslint.Run(folder.Path, "lint", "--format", "json");

        var findings = InputTests.JsonFindings(result).Where(f => f.RuleId == "DS2005").ToList();
        Assert.Equal(
            [("k8s/services.yaml", 6, "Service/web", "spec.ipFamilyPolicy"), ("k8s/services.yaml", 17, "Service/api", "spec.ipFamilyPolicy")],
            findings.Select(f => (f.File, f.Line, f.Object, f.Field)));
        Assert.Equal(Services, folder.Read("k8s/services.yaml"));
    }

    [Fact]
    public void Fix_changes_the_file_exactly_at_the_edits_and_a_second_run_changes_nothing()
    {
        using var folder = new TempFolder();
        folder.Write("k8s/services.yaml", Services);

        var first = Dslint.Run(folder.Path, "lint", "k8s", "--fix", "--format", "json");

        Assert.Equal(Fixed, folder.Read("k8s/services.yaml"));
        Assert.DoesNotContain(InputTests.JsonFindings(first), f => f.RuleId == "DS2005");
        Assert.Contains("dslint: fixed 2 problems in 1 file", first.StderrLines);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp", SearchOption.AllDirectories));

        var before = File.GetLastWriteTimeUtc(Path.Combine(folder.Path, "k8s", "services.yaml"));
        var second = Dslint.Run(folder.Path, "lint", "k8s", "--fix");

        Assert.Equal(Fixed, folder.Read("k8s/services.yaml"));
        Assert.Equal(before, File.GetLastWriteTimeUtc(Path.Combine(folder.Path, "k8s", "services.yaml")));
        Assert.Contains("dslint: fixed 0 problems in 0 files", second.StderrLines);
    }

    [Fact]
    public void Fix_follows_the_configuration_a_rule_turned_off_is_not_fixed()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Services);

        Dslint.Run(folder.Path, "lint", "--fix", "--severity", "DS2005=none");
        Assert.Equal(Services, folder.Read("a.yaml"));

        // On an IPv4-only target a single-stack Service is right: nothing to fix.
        Dslint.Run(folder.Path, "lint", "--fix", "--ip-families", "IPv4");
        Assert.Equal(Services, folder.Read("a.yaml"));
    }

    [Fact]
    public void Fix_keeps_a_byte_order_mark_and_the_file_mode()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "bom.yaml");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Services)]);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        }

        Dslint.Run(folder.Path, "lint", "bom.yaml", "--fix");

        var bytes = File.ReadAllBytes(path);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(Fixed, Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void Ip_families_option_and_editorconfig_decide_the_target()
    {
        using var folder = new TempFolder();
        folder.Write(".editorconfig", "root = true\n[*.yaml]\ndualstack_lint.ip_families = IPv4\n");
        folder.Write("a.yaml", Services);

        Assert.DoesNotContain(InputTests.JsonFindings(Dslint.Run(folder.Path, "lint", "--format", "json")), f => f.RuleId == "DS2005");
        Assert.Contains(InputTests.JsonFindings(Dslint.Run(folder.Path, "lint", "--format", "json", "--ip-families", "IPv4,IPv6")), f => f.RuleId == "DS2005");
    }

    [Fact]
    public void Atomic_write_replaces_the_content_and_leaves_no_temporary_file()
    {
        using var folder = new TempFolder();
        var path = folder.Write("x.yaml", "old");

        Fixing.AtomicFile.WriteAllText(path, "new text", new UTF8Encoding(false));

        Assert.Equal("new text", File.ReadAllText(path));
        Assert.Equal(["x.yaml"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Fix_through_a_symbolic_link_changes_the_target_and_keeps_the_link()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        var target = folder.Write("real/services.yaml", Services);
        var link = Path.Combine(folder.Path, "k8s", "services.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, target);

        Dslint.Run(folder.Path, "lint", "k8s/services.yaml", "--fix");

        Assert.Equal(Fixed, File.ReadAllText(target));
        Assert.NotNull(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void Sarif_carries_the_fix_as_a_replacement_and_stays_schema_valid()
    {
        using var folder = new TempFolder();
        folder.Write("services.yaml", Services);

        var result = Dslint.Run(folder.Path, "lint", "--format", "sarif");

        SarifTests.AssertValid(result.Stdout);
        using var sarif = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var ds2005 = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("ruleId").GetString() == "DS2005")
            .ToList();
        Assert.Equal(2, ds2005.Count);

        // Applying the SARIF replacements to the original text gives what --fix writes.
        var replacements = ds2005
            .Select(r => r.GetProperty("fixes")[0].GetProperty("artifactChanges")[0].GetProperty("replacements")[0])
            .Select(r => (
                Offset: r.GetProperty("deletedRegion").GetProperty("charOffset").GetInt32(),
                Length: r.GetProperty("deletedRegion").GetProperty("charLength").GetInt32(),
                Text: r.GetProperty("insertedContent").GetProperty("text").GetString()!))
            .OrderByDescending(r => r.Offset);
        var text = Services;
        foreach (var (offset, length, inserted) in replacements)
        {
            text = text.Remove(offset, length).Insert(offset, inserted);
        }

        Assert.Equal(Fixed, text);
        Assert.Equal("Service/web", ds2005[0].GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
        Assert.Equal("spec.ipFamilyPolicy", ds2005[0].GetProperty("properties").GetProperty("field").GetString());
    }
}
