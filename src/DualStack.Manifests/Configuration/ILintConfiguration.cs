using DualStack.Rules;

namespace DualStack.Manifests.Configuration;

/// <summary>
/// Configuration as seen from one input file: the options that apply to it and the configured severity of a rule
/// there. The CLI and the MSBuild task both use <see cref="EditorConfigConfiguration"/>; tests use <see cref="FixedConfiguration"/>.
/// </summary>
public interface ILintConfiguration
{
    /// <summary>Options for this file (target families, Kubernetes version, command-line severity overrides).</summary>
    LintOptions OptionsFor(string path);

    /// <summary>The severity configured for the rule at this path, or null to keep the rule's (or check's) choice.</summary>
    Severity? SeverityFor(string path, string ruleId);
}
