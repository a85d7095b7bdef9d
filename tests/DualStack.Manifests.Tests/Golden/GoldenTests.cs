using DualStack.Manifests.Engine;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.Golden;

/// <summary>
/// Whole-file tests (actionlint's testdata pairs): each <c>Golden/&lt;case&gt;.yaml</c> is linted as one file and
/// its findings must equal <c>&lt;case&gt;.expected</c>, one per line as
/// <c>line:col: severity ID: message [object field]</c>. An optional first line
/// <c># golden-options: ip-families=IPv4 kubernetes-version=1.33</c> sets the options. To add a case, add the YAML
/// and run the tests with <c>DSLINT_UPDATE_GOLDEN=1</c>, then review the new <c>.expected</c> file.
/// </summary>
public sealed class GoldenTests
{
    private const string OptionsPrefix = "# golden-options:";

    private static string Folder => Path.Combine(GoldenFile.ProjectDirectory, "Golden");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*.yaml").OrderBy(p => p, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string name)
    {
        var text = File.ReadAllText(Path.Combine(Folder, name + ".yaml"));
        var result = ManifestLinter.Lint([SourceFile.FromText(name + ".yaml", text)], OptionsOf(text));
        var actual = string.Concat(result.Findings.Select(f => GoldenFile.Format(f) + "\n"));
        GoldenFile.Verify(Path.Combine(Folder, name + ".expected"), actual);
    }

    [Fact]
    public void Every_expected_file_has_its_case()
    {
        var orphans = Directory.EnumerateFiles(Folder, "*.expected")
            .Where(p => !File.Exists(Path.ChangeExtension(p, ".yaml")))
            .Select(Path.GetFileName);
        Assert.Empty(orphans);
    }

    // kube-linter's guard, driven by the catalog: every input, object and cluster configuration rule has a whole-file
    // case where it fires (a Golden/*.expected file or a rule page example) and a rule page example where it stays
    // silent. DS0002 is the one exception: it needs bytes that are not text (or files that cannot be read), so its
    // cases are in SourceFileReaderTests and HostileInputTests.
    public static TheoryData<string> ManifestRules() =>
        new(RuleCatalog.All.Select(r => r.Id).Where(id => id[2] is '0' or '2' or '3' && id != RuleIds.UnreadableInput));

    [Theory]
    [MemberData(nameof(ManifestRules))]
    public void The_rule_has_a_firing_and_a_silent_case(string id)
    {
        var fires = Directory.EnumerateFiles(Folder, "*.expected").SelectMany(File.ReadLines)
            .Concat(RulePageExamplesTests.ExampleOutputs().SelectMany(e => e.Output))
            .Any(l => l.Contains($" {id}: ", StringComparison.Ordinal));
        Assert.True(fires, $"no Golden/*.expected file or rule page example shows {id} firing; add a case");

        var silent = RulePageExamplesTests.ExampleOutputs()
            .Any(e => e.Page == id + ".md" && !e.Output.Any(l => l.Contains($" {id}: ", StringComparison.Ordinal)));
        Assert.True(silent, $"rules/{id}.md has no example where {id} stays silent on a look-alike; add one");
    }

    /// <summary>The findings of every whole-file case.</summary>
    internal static IReadOnlyList<Finding> CaseFindings() =>
        Directory.EnumerateFiles(Folder, "*.yaml").OrderBy(p => p, StringComparer.Ordinal)
            .SelectMany(path =>
            {
                var text = File.ReadAllText(path);
                return ManifestLinter.Lint([SourceFile.FromText(Path.GetFileName(path), text)], OptionsOf(text)).Findings;
            })
            .ToList();

    private static LintOptions OptionsOf(string text)
    {
        var firstLine = text.Split('\n')[0].Trim();
        return firstLine.StartsWith(OptionsPrefix, StringComparison.Ordinal)
            ? GoldenFile.ParseOptions(firstLine.Substring(OptionsPrefix.Length))
            : LintOptions.Default;
    }
}
