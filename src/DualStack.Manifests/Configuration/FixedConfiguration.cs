using DualStack.Rules;

namespace DualStack.Manifests.Configuration;

/// <summary>The same options for every file and no editorconfig: severities come from the rules and the overrides.</summary>
public sealed class FixedConfiguration : ILintConfiguration
{
    public FixedConfiguration(LintOptions options) => Options = options;

    public LintOptions Options { get; }

    public LintOptions OptionsFor(string path) => Options;

    public Severity? SeverityFor(string path, string ruleId) =>
        Options.SeverityOverrides.TryGetValue(ruleId, out var severity) ? severity : null;
}
