using System.Text.RegularExpressions;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.Golden;

/// <summary>
/// The style of every input, object and cluster configuration finding, driven by the catalog over every whole-file
/// case and rule page example: the message does not repeat the field (the output prints it beside the message), and
/// it is at most two sentences, the cause first and then the fix, so it never opens with the fix.
/// </summary>
public sealed class FindingMessageTests
{
    // A sentence ends at . ! or ? followed by a space and a capital, a quote or a backtick ("e.g. 10.0.0.0/8" does not end one).
    private static readonly Regex SentenceEnd = new(@"[.!?]\s+(?=[A-Z""`])", RegexOptions.CultureInvariant);

    // Verbs a fix starts with; a message that starts with one gives the fix before (or instead of) the cause.
    private static readonly string[] FixVerbs = ["Add", "Use", "Set", "Remove", "Replace", "Change", "Move", "Give", "Make", "Write", "Drop", "Delete", "Put"];

    private static readonly Lazy<IReadOnlyList<Finding>> Findings =
        new(() => GoldenTests.CaseFindings().Concat(RulePageExamplesTests.ExampleFindings()).ToList());

    public static TheoryData<string> ManifestRules() => GoldenTests.ManifestRules();

    [Theory]
    [MemberData(nameof(ManifestRules))]
    public void The_message_says_the_field_once_and_gives_the_cause_then_the_fix(string id)
    {
        var findings = Findings.Value.Where(f => f.RuleId == id).ToList();
        Assert.NotEmpty(findings);
        var failures = new List<string>();
        foreach (var finding in findings)
        {
            if (MentionsField(finding.Message, finding.Field))
            {
                failures.Add($"repeats the field {finding.Field}: {finding.Message}");
            }

            var sentences = SentenceEnd.Split(finding.Message);
            if (sentences.Length > 2)
            {
                failures.Add($"{sentences.Length} sentences (at most two: the cause, then the fix): {finding.Message}");
            }

            if (FixVerbs.Any(v => finding.Message.StartsWith(v + " ", StringComparison.Ordinal)))
            {
                failures.Add($"opens with the fix, not the cause: {finding.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct()));
    }

    [Theory]
    [InlineData("spec.clusterIPs: Invalid value: \"x\"", "spec.clusterIPs", true)]
    [InlineData("differs from spec.clusterIPs[1]", "spec.clusterIPs", false)]
    [InlineData("spec.clusterIP is \"None\"", "spec.clusterIPs", false)]
    [InlineData("extraSANs does not contain 10.0.0.1", "extraSANs", true)]
    [InlineData("set `ipFamilyPolicy: PreferDualStack`", "spec.ipFamilyPolicy", false)]
    [InlineData("the pod range is networking.podSubnet.", "networking.podSubnet", true)]
    [InlineData("config file version is 0.3.0 but the maximum version supported is 0.2.0", "version", false)]
    public void A_field_is_found_as_a_whole_path(string message, string field, bool mentioned) =>
        Assert.Equal(mentioned, MentionsField(message, field));

    [Theory]
    [InlineData("\"10.0.0.0/33\" must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)", 1)]
    [InlineData("policy covers IPv4 only. Add a peer with ipBlock cidr \"::/0\"", 2)]
    [InlineData("one. Two. Three", 3)]
    public void Sentences_are_counted_at_their_ends(string message, int count) =>
        Assert.Equal(count, SentenceEnd.Split(message).Length);

    // A path (spec.clusterIPs[1], networking.podSubnet) anywhere as a whole, not a prefix of a longer one (spec.clusterIP
    // inside spec.clusterIPs) nor a suffix; a one-word key (extraSANs, version) only as the message's subject, since
    // the word can be plain English elsewhere ("config file version").
    private static bool MentionsField(string message, string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return false;
        }

        var path = Regex.Escape(field) + @"(?![\w\[-]|\.\w)";
        return field.IndexOfAny(['.', '[']) >= 0
            ? Regex.IsMatch(message, @"(?<![\w.\[\]-])" + path, RegexOptions.CultureInvariant)
            : Regex.IsMatch(message, "^" + path, RegexOptions.CultureInvariant);
    }
}
