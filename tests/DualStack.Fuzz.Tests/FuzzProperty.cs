using System.Security.Cryptography;
using DualStack.Cli.Output;
using DualStack.Manifests;
using DualStack.Manifests.Engine;
using DualStack.Rules;

namespace DualStack.Fuzz.Tests;

/// <summary>
/// What must hold for every input, however hostile: linting never throws and never reports an internal error; the
/// JSON report parses; every fix lies inside the text, and applying the fixes until nothing changes (as
/// <c>dslint lint --fix</c> does) never turns a file that parsed into one that does not (no new DS0001).
/// </summary>
internal static class FuzzProperty
{
    private const int MaxFixPasses = 5;

    private static readonly LintOptions[] Targets =
    [
        LintOptions.Default,
        new() { IpFamilies = IpFamilies.IPv4Only },
        new() { IpFamilies = IpFamilies.DualStackIPv6Primary },
    ];

    /// <summary>Checks one input; <paramref name="target"/> picks the cluster the manifests are linted for.</summary>
    public static void Check(byte[] bytes, int target = 0)
    {
        var options = Targets[Math.Abs(target % Targets.Length)];
        var file = SourceFileReader.Decode(bytes, bytes.Length, "fuzz.yaml");
        var result = Lint(file, options);
        AssertJson(result);
        if (file.Text is null)
        {
            return;
        }

        var text = file.Text;
        var parsedBefore = result.Findings.All(f => f.RuleId != RuleIds.YamlSyntaxError);
        for (var pass = 0; pass < MaxFixPasses; pass++)
        {
            var edits = result.Findings.Where(f => f.Fix is not null).Select(f => f.Fix!).ToList();
            foreach (var edit in edits)
            {
                Check(edit.Start >= 0 && edit.Length >= 0 && edit.End <= text.Length, $"fix \"{edit.Description}\" lies outside the text", text);
            }

            var fixedText = FixApplier.Apply(text, edits);
            if (fixedText == text)
            {
                break;
            }

            text = fixedText;
            result = Lint(SourceFile.FromText("fuzz.yaml", text), options);
            if (parsedBefore)
            {
                var broken = result.Findings.FirstOrDefault(f => f.RuleId == RuleIds.YamlSyntaxError);
                Check(broken is null, $"the fixes made the file unparseable: {broken?.Line}:{broken?.Column} {broken?.Message}", text);
            }
        }
    }

    /// <summary>A stable name for an input, for the regression folder.</summary>
    public static string NameOf(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes))[..16].ToLowerInvariant() + ".yaml";

    private static LintResult Lint(SourceFile file, LintOptions options)
    {
        var result = ManifestLinter.Lint([file], options);
        var internalError = result.Findings.FirstOrDefault(f => f.Message.Contains("internal error", StringComparison.Ordinal));
        Check(internalError is null, "internal error: " + internalError?.Message, file.Text ?? string.Empty);
        return result;
    }

    private static void AssertJson(LintResult result)
    {
        var report = new LintReport
        {
            Findings = result.Findings,
            Files = result.Files,
            Documents = result.Documents,
            ExitCode = 0,
            Locator = new ArtifactLocator(Path.GetTempPath()),
        };
        var writer = new StringWriter();
        new JsonFormatter().Write(report, writer);
        using var json = System.Text.Json.JsonDocument.Parse(writer.ToString());
        Check(json.RootElement.GetProperty("findings").GetArrayLength() == result.Findings.Count, "the JSON report lost findings", writer.ToString());
    }

    private static void Check(bool condition, string problem, string text)
    {
        if (!condition)
        {
            throw new FuzzFailure(problem + "\n--- text ---\n" + text);
        }
    }
}

/// <summary>A property violation, with the text that showed it.</summary>
internal sealed class FuzzFailure(string message) : Exception(message);
