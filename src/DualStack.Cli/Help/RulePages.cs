namespace DualStack.Cli.Help;

/// <summary>The rule pages (<c>rules/ID.md</c>), embedded in the tool so <c>dslint explain</c> works once installed.</summary>
internal static class RulePages
{
    public static string? Read(string ruleId)
    {
        using var stream = typeof(RulePages).Assembly.GetManifestResourceStream("rules/" + ruleId + ".md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
