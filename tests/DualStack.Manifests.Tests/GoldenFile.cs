using DualStack.Rules;

namespace DualStack.Manifests.Tests;

/// <summary>
/// Checked-in expected outputs that change only on purpose. A mismatch fails with the actual text; running the tests
/// with <c>DSLINT_UPDATE_GOLDEN=1</c> rewrites the files instead, so the change shows up in the diff for review.
/// </summary>
public static class GoldenFile
{
    public const string UpdateVariable = "DSLINT_UPDATE_GOLDEN";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>The source folder of this test project (golden files are read and written there, not in bin/).</summary>
    public static string ProjectDirectory => Path.Combine(RepositoryPaths.Root, "tests", "DualStack.Manifests.Tests");

    /// <summary>Compares <paramref name="actual"/> with the file, ignoring <c>#</c> comment lines and line-end style.</summary>
    public static void Verify(string path, string actual, string? header = null)
    {
        var normalizedActual = Normalize(actual);
        if (Updating)
        {
            var existing = File.Exists(path) ? Normalize(File.ReadAllText(path)) : null;
            if (existing != normalizedActual)
            {
                File.WriteAllText(path, (header ?? string.Empty) + normalizedActual);
            }

            return;
        }

        if (!File.Exists(path))
        {
            Assert.Fail($"{path} does not exist. Run the tests with {UpdateVariable}=1 to create it. Actual:\n{normalizedActual}");
        }

        var expected = Normalize(File.ReadAllText(path));
        if (expected != normalizedActual)
        {
            Assert.Fail($"{path} differs from the actual output. If the change is intended, run the tests with {UpdateVariable}=1 and review the diff.\n--- expected\n{expected}--- actual\n{normalizedActual}");
        }
    }

    /// <summary>One finding as a golden line: <c>line:col: severity ID: message [object field]</c>.</summary>
    public static string Format(Finding f)
    {
        var context = string.Join(" ", new[] { f.Object, f.Field }.Where(s => !string.IsNullOrEmpty(s)));
        return $"{f.Line}:{f.Column}: {f.Severity.ToOutputName()} {f.RuleId}: {f.Message}" + (context.Length > 0 ? $" [{context}]" : string.Empty);
    }

    /// <summary>Options written as <c>ip-families=IPv4 kubernetes-version=1.33</c> (golden cases, rule page examples).</summary>
    public static LintOptions ParseOptions(string settings)
    {
        var options = LintOptions.Default;
        foreach (var setting in settings.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = setting.Split('=', 2);
            options = (parts[0], parts.Length == 2 ? parts[1] : string.Empty) switch
            {
                ("ip-families", var value) when IpFamilies.TryParse(value, out var families, out _) => options with { IpFamilies = families },
                ("kubernetes-version", var value) when KubernetesVersion.TryParse(value, out var version) => options with { KubernetesVersion = version },
                _ => throw new InvalidOperationException($"unknown option \"{setting}\"; expected ip-families=… or kubernetes-version=…"),
            };
        }

        return options;
    }

    private static string Normalize(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith('#'));
        return string.Concat(lines.Select(l => l + "\n"));
    }
}
