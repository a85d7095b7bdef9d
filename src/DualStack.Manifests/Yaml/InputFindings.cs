using DualStack.Rules;

namespace DualStack.Manifests.Yaml;

/// <summary>Builds the DS0xxx findings about an input file itself.</summary>
public static class InputFindings
{
    public static Finding Create(string ruleId, string path, string message, int line = 1, int column = 1, int? endColumn = null) => new()
    {
        RuleId = ruleId,
        Severity = RuleCatalog.Get(ruleId).DefaultSeverity,
        Message = message,
        File = path,
        Line = line,
        Column = column,
        EndLine = line,
        EndColumn = endColumn ?? column,
    };

    /// <summary>DS0002 for a bug of ours: the file is not linted, the run goes on, and the message says where it broke.</summary>
    public static Finding InternalError(string path, string where, Exception ex, int line = 1, int column = 1) =>
        Create(RuleIds.UnreadableInput, path, $"internal error {where}: {ex.GetType().Name}: {ex.Message.Trim()}; please report it", line, column);
}
