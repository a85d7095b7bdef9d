namespace DualStack.Rules;

public static partial class RuleCatalog
{
    private static IEnumerable<RuleDescriptor> InputRules() =>
    [
        Input(RuleIds.YamlSyntaxError, "YAML syntax error", "{0}", Severity.Error,
            "A YAML document could not be parsed; it is skipped and the other documents of the file are still linted."),
        Input(RuleIds.UnreadableInput, "Input file cannot be linted", "{0}", Severity.Warning,
            "The file could not be read, is not text, or is larger than the size limit, so none of its content was checked."),
        Input(RuleIds.TemplateSkipped, "Template skipped", "{0}", Severity.Info,
            "The file is a Helm or other template that is not valid YAML until rendered; lint the rendered output instead."),
        Input(RuleIds.MalformedSuppression, "Malformed suppression", "{0}", Severity.Info,
            "A suppression annotation or comment could not be understood, so it suppresses nothing."),
        Input(RuleIds.UnusedSuppression, "Unused suppression", "{0}", Severity.Info,
            "A suppression names a rule that reported nothing where the suppression applies; remove it so it cannot hide a future problem."),
    ];
}
