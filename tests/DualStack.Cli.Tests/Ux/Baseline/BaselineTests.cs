using System.Text.Json.Nodes;

namespace DualStack.Cli.Tests.Ux.Baseline;

/// <summary>
/// <c>--write-baseline</c> / <c>--baseline</c> with the real dslint process: findings are matched by rule, file,
/// object and field (never lines), with counts; new findings are reported and decide the exit code; stale entries are
/// counted; a missing or broken baseline is a clear usage error.
/// </summary>
public sealed class BaselineTests
{
    // DS2005 as an error, so the exit code shows whether a finding counts.
    private static readonly string[] Strict = ["--severity", "DS2005=error", "--no-color"];

    [Fact]
    public void A_written_baseline_records_the_findings_and_a_run_against_it_passes()
    {
        using var repo = Repository();
        repo.Write("k8s/web.yaml", Service("web"));
        repo.Write("k8s/api.yaml", Service("api") + "---\n" + Service("admin"));

        var before = Dslint.Run(repo.Path, ["lint", "k8s", .. Strict]);
        var write = Dslint.Run(repo.Path, ["lint", "k8s", "--write-baseline", "dslint-baseline.json", .. Strict]);
        var after = Dslint.Run(repo.Path, ["lint", "k8s", "--baseline", "dslint-baseline.json", .. Strict]);

        Assert.Equal(1, before.ExitCode);
        Assert.Equal(0, write.ExitCode);
        Assert.Equal(["2 files, 3 documents: 0 errors, 0 warnings, 0 infos; baseline: 3 suppressed, 0 no longer found"], write.StdoutLines);
        Assert.Contains("dslint: wrote the baseline dslint-baseline.json with 3 findings", write.StderrLines);
        Assert.Equal(
            """
            {
              "tool": "dslint",
              "baselineVersion": 1,
              "findings": [
                { "ruleId": "DS2005", "file": "k8s/api.yaml", "object": "Service/admin", "field": "spec.ipFamilyPolicy", "count": 1 },
                { "ruleId": "DS2005", "file": "k8s/api.yaml", "object": "Service/api", "field": "spec.ipFamilyPolicy", "count": 1 },
                { "ruleId": "DS2005", "file": "k8s/web.yaml", "object": "Service/web", "field": "spec.ipFamilyPolicy", "count": 1 }
              ]
            }

            """.ReplaceLineEndings("\n"),
            repo.Read("dslint-baseline.json"));
        Assert.Equal(0, after.ExitCode);
        Assert.Equal(["2 files, 3 documents: 0 errors, 0 warnings, 0 infos; baseline: 3 suppressed, 0 no longer found"], after.StdoutLines);
    }

    [Fact]
    public void Lines_added_above_and_documents_reordered_do_not_resurrect_a_baselined_finding()
    {
        using var repo = Repository();
        repo.Write("k8s/app.yaml", Service("api") + "---\n" + Service("web"));
        Assert.Equal(0, Dslint.Run(repo.Path, ["lint", "k8s", "--write-baseline", "baseline.json", .. Strict]).ExitCode);

        repo.Write("k8s/app.yaml", "# owned by the platform team\n# reviewed 2026-12\n---\n" + Service("web") + "---\n" + Service("api"));
        var result = Dslint.Run(repo.Path, ["lint", "k8s", "--baseline", "baseline.json", .. Strict]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["1 file, 2 documents: 0 errors, 0 warnings, 0 infos; baseline: 2 suppressed, 0 no longer found"], result.StdoutLines);
    }

    [Fact]
    public void A_finding_on_another_object_or_field_is_new_and_the_entry_it_left_is_stale()
    {
        using var repo = Repository();
        repo.Write("k8s/app.yaml", Service("web"));
        Assert.Equal(0, Dslint.Run(repo.Path, ["lint", "k8s", "--write-baseline", "baseline.json", .. Strict]).ExitCode);

        // The same problem on a renamed object is a new finding; the old entry no longer matches anything.
        repo.Write("k8s/app.yaml", Service("frontend"));
        var renamed = Dslint.Run(repo.Path, ["lint", "k8s", "--baseline", "baseline.json", .. Strict]);

        Assert.Equal(1, renamed.ExitCode);
        Assert.Equal(
            [
                "k8s/app.yaml:5:1: error DS2005: ipFamilyPolicy is omitted, so it defaults to SingleStack: the Service gets an IPv4 cluster IP only, so IPv6 clients cannot reach it on the dual-stack target (IPv4,IPv6); set `ipFamilyPolicy: PreferDualStack` [Service/frontend spec.ipFamilyPolicy]",
                "1 file, 1 document: 1 error, 0 warnings, 0 infos; baseline: 0 suppressed, 1 no longer found",
            ],
            renamed.StdoutLines);
    }

    [Fact]
    public void A_moved_file_is_new_because_files_are_part_of_the_match()
    {
        using var repo = Repository();
        repo.Write("k8s/app.yaml", Service("web"));
        Assert.Equal(0, Dslint.Run(repo.Path, ["lint", "k8s", "--write-baseline", "baseline.json", .. Strict]).ExitCode);
        File.Move(Path.Combine(repo.Path, "k8s", "app.yaml"), Path.Combine(repo.Path, "k8s", "web.yaml"));

        var result = Dslint.Run(repo.Path, ["lint", "k8s", "--baseline", "baseline.json", .. Strict]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("k8s/web.yaml:5:1: error DS2005:", result.StdoutLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_accept_at_most_as_many_identical_findings_as_were_recorded()
    {
        using var repo = Repository();

        // The same object twice in one file: two DS2005 findings with the same rule, file, object and field.
        repo.Write("k8s/app.yaml", Service("web") + "---\n" + Service("web"));
        Assert.Equal(0, Dslint.Run(repo.Path, ["lint", "k8s", "--write-baseline", "baseline.json", .. Strict]).ExitCode);
        Assert.Contains("\"object\": \"Service/web\", \"field\": \"spec.ipFamilyPolicy\", \"count\": 2 }", repo.Read("baseline.json"), StringComparison.Ordinal);

        repo.Write("k8s/app.yaml", Service("web") + "---\n" + Service("web") + "---\n" + Service("web"));
        var three = Dslint.Run(repo.Path, ["lint", "k8s", "--baseline", "baseline.json", .. Strict]);

        Assert.Equal(1, three.ExitCode);
        Assert.Equal(2, three.StdoutLines.Length);
        Assert.StartsWith("k8s/app.yaml:21:1: error DS2005:", three.StdoutLines[0], StringComparison.Ordinal);
        Assert.Equal("1 file, 3 documents: 1 error, 0 warnings, 0 infos; baseline: 2 suppressed, 0 no longer found", three.StdoutLines[1]);

        repo.Write("k8s/app.yaml", Service("web"));
        var one = Dslint.Run(repo.Path, ["lint", "k8s", "--baseline", "baseline.json", .. Strict]);
        Assert.Equal(0, one.ExitCode);
        Assert.Equal(["1 file, 1 document: 0 errors, 0 warnings, 0 infos; baseline: 1 suppressed, 1 no longer found"], one.StdoutLines);
    }

    [Fact]
    public void Writing_the_baseline_again_drops_stale_entries()
    {
        using var repo = Repository();
        repo.Write("k8s/a.yaml", Service("a"));
        repo.Write("k8s/b.yaml", Service("b"));
        Assert.Equal(0, Dslint.Run(repo.Path, ["lint", "k8s", "--write-baseline", "baseline.json"]).ExitCode);
        repo.Write("k8s/b.yaml", PolicyService("b"));

        var stale = Dslint.Run(repo.Path, "lint", "k8s", "--baseline", "baseline.json");
        var rewrite = Dslint.Run(repo.Path, "lint", "k8s", "--write-baseline", "baseline.json");

        Assert.Equal(["2 files, 2 documents: 0 errors, 0 warnings, 0 infos; baseline: 1 suppressed, 1 no longer found"], stale.StdoutLines);
        Assert.Equal(0, rewrite.ExitCode);
        Assert.DoesNotContain("k8s/b.yaml", repo.Read("baseline.json"), StringComparison.Ordinal);
        Assert.Contains("\"file\": \"k8s/a.yaml\"", repo.Read("baseline.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void File_names_are_relative_to_the_repository_so_any_working_folder_matches()
    {
        using var repo = Repository();
        repo.Write("deploy/k8s/web.yaml", Service("web"));
        Assert.Equal(0, Dslint.Run(Path.Combine(repo.Path, "deploy"), ["lint", "k8s", "--write-baseline", "../dslint-baseline.json", .. Strict]).ExitCode);
        Assert.Contains("\"file\": \"deploy/k8s/web.yaml\"", repo.Read("dslint-baseline.json"), StringComparison.Ordinal);

        var fromRoot = Dslint.Run(repo.Path, ["lint", "deploy", "--baseline", "dslint-baseline.json", .. Strict]);
        var fromInside = Dslint.Run(Path.Combine(repo.Path, "deploy", "k8s"), ["lint", "web.yaml", "--baseline", "../../dslint-baseline.json", .. Strict]);

        Assert.Equal(0, fromRoot.ExitCode);
        Assert.Equal(0, fromInside.ExitCode);
        Assert.Contains("baseline: 1 suppressed", fromInside.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnaserror_counts_only_new_warnings()
    {
        using var repo = Repository();
        repo.Write("k8s/web.yaml", Service("web"));
        Assert.Equal(0, Dslint.Run(repo.Path, "lint", "k8s", "--write-baseline", "b.json").ExitCode);

        Assert.Equal(0, Dslint.Run(repo.Path, "lint", "k8s", "--baseline", "b.json", "--warnaserror").ExitCode);
        repo.Write("k8s/api.yaml", Service("api"));
        Assert.Equal(1, Dslint.Run(repo.Path, "lint", "k8s", "--baseline", "b.json", "--warnaserror").ExitCode);
    }

    [Fact]
    public void Fix_with_a_baseline_changes_only_the_new_findings()
    {
        using var repo = Repository();
        repo.Write("k8s/old.yaml", Service("old"));
        Assert.Equal(0, Dslint.Run(repo.Path, "lint", "k8s", "--write-baseline", "b.json").ExitCode);
        repo.Write("k8s/new.yaml", Service("new"));

        var result = Dslint.Run(repo.Path, "lint", "k8s", "--baseline", "b.json", "--fix");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Service("old"), repo.Read("k8s/old.yaml"));
        Assert.Contains("ipFamilyPolicy: PreferDualStack", repo.Read("k8s/new.yaml"), StringComparison.Ordinal);
        Assert.Contains("dslint: fixed 1 problem in 1 file", result.StderrLines);
        Assert.Equal(["2 files, 2 documents: 0 errors, 0 warnings, 0 infos; baseline: 1 suppressed, 0 no longer found"], result.StdoutLines);
    }

    [Fact]
    public void A_missing_baseline_is_a_usage_error_that_says_how_to_create_it()
    {
        using var repo = Repository();
        repo.Write("k8s/web.yaml", Service("web"));

        var result = Dslint.Run(repo.Path, "lint", "k8s", "--baseline", "nope.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal(["dslint: error: --baseline: the baseline file 'nope.json' does not exist; create it with 'dslint lint --write-baseline nope.json'"], result.StderrLines);
    }

    [Theory]
    [InlineData("", "the baseline 'b.json' is not a valid dslint baseline: the file is empty")]
    [InlineData("{ \"tool\": \"dslint\", \"baselineVersion\": 1, \"findings\": [ { \"ruleId\": \"DS2005\"", "the baseline 'b.json' is not a valid dslint baseline: line 2, column 1: While parsing a flow mapping")]
    [InlineData("<<<<<<< HEAD\n{}\n", "the baseline 'b.json' is not a valid dslint baseline: ")]
    [InlineData("{ \"findings\": [] }", "the baseline 'b.json' is not a valid dslint baseline: \"tool\" is not \"dslint\"; this is not a dslint baseline")]
    [InlineData("{ \"tool\": \"dslint\", \"baselineVersion\": 2, \"findings\": [] }", "the baseline 'b.json' has baselineVersion 2, written by a newer dslint; this one reads version 1")]
    [InlineData("{ \"tool\": \"dslint\", \"baselineVersion\": 1, \"findings\": [ { \"file\": \"a.yaml\" } ] }", "the baseline 'b.json' is not a valid dslint baseline: the entry at line 1 needs \"ruleId\" and \"file\" strings")]
    [InlineData("{ \"tool\": \"dslint\", \"baselineVersion\": 1, \"findings\": {} }", "the baseline 'b.json' is not a valid dslint baseline: \"findings\" is missing or not an array")]
    [InlineData("\u0000\u0001binary", "the baseline 'b.json' is not a valid dslint baseline: ")]
    public void A_broken_baseline_is_a_usage_error_without_a_stack_trace(string content, string expected)
    {
        using var repo = Repository();
        repo.Write("k8s/web.yaml", Service("web"));
        repo.Write("b.json", content);

        var result = Dslint.Run(repo.Path, "lint", "k8s", "--baseline", "b.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith("dslint: error: --baseline: " + expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_and_write_baseline_together_are_a_usage_error()
    {
        using var repo = Repository();
        repo.Write("k8s/web.yaml", Service("web"));

        var result = Dslint.Run(repo.Path, "lint", "k8s", "--baseline", "b.json", "--write-baseline", "b.json");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("dslint: error: --baseline and --write-baseline cannot be combined", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(repo.Path, "b.json")));
    }

    [Fact]
    public void Json_output_keeps_the_contract_and_adds_the_baseline_counts()
    {
        using var repo = Repository();
        repo.Write("k8s/old.yaml", Service("old"));
        Assert.Equal(0, Dslint.Run(repo.Path, "lint", "k8s", "--write-baseline", "b.json").ExitCode);
        repo.Write("k8s/new.yaml", Service("new"));

        var json = JsonNode.Parse(Dslint.Run(repo.Path, "lint", "k8s", "--baseline", "b.json", "--format", "json").Stdout)!;
        var plain = JsonNode.Parse(Dslint.Run(repo.Path, "lint", "k8s", "--format", "json").Stdout)!;

        var finding = Assert.Single(json["findings"]!.AsArray());
        Assert.Equal("Service/new", (string?)finding!["object"]);
        Assert.Equal(
            """{"files":2,"documents":2,"errors":0,"warnings":1,"infos":0,"baseline":"b.json","suppressedByBaseline":1,"staleBaselineEntries":0}""",
            json["summary"]!.ToJsonString());
        Assert.Equal("""{"files":2,"documents":2,"errors":0,"warnings":2,"infos":0}""", plain["summary"]!.ToJsonString());
    }

    [Fact]
    public void Sarif_marks_new_results_and_carries_baselined_ones_as_unchanged_and_suppressed()
    {
        using var repo = Repository();
        repo.Write("k8s/old.yaml", Service("old"));
        Assert.Equal(0, Dslint.Run(repo.Path, "lint", "k8s", "--write-baseline", "b.json").ExitCode);
        repo.Write("k8s/new.yaml", Service("new"));

        var sarif = Dslint.Run(repo.Path, "lint", "k8s", "--baseline", "b.json", "--format", "sarif").Stdout;
        var plain = Dslint.Run(repo.Path, "lint", "k8s", "--format", "sarif").Stdout;

        SarifTests.AssertValid(sarif);
        var results = JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray();
        Assert.Equal(2, results.Count);
        Assert.Equal("new", (string?)results[0]!["baselineState"]);
        Assert.Equal("k8s/new.yaml", (string?)results[0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
        Assert.Null(results[0]!["suppressions"]);
        Assert.Equal("unchanged", (string?)results[1]!["baselineState"]);
        Assert.Equal("""[{"kind":"external","justification":"accepted in the dslint baseline b.json"}]""", results[1]!["suppressions"]!.ToJsonString());
        Assert.DoesNotContain("baselineState", plain, StringComparison.Ordinal);
    }

    private static TempFolder Repository()
    {
        var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, ".git"));
        return folder;
    }

    // A Service with no ipFamilyPolicy: DS2005 at 5:1 (a warning on the default dual-stack target).
    private static string Service(string name) => $"""
        apiVersion: v1
        kind: Service
        metadata:
          name: {name}
        spec:
          ports:
          - port: 80

        """;

    private static string PolicyService(string name) => Service(name).Replace("spec:\n", "spec:\n  ipFamilyPolicy: PreferDualStack\n", StringComparison.Ordinal);
}
