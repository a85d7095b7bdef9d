using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using DualStack.Rules;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Suppression;

/// <summary>
/// Reads the annotation <c>dualstack-lint.io/ignore</c> of an object: entries <c>DS2005: reason</c> separated by
/// <c>;</c> or new lines (several IDs may share a reason: <c>DS2005, DS2010: reason</c>). They cover findings inside
/// the object (kube-linter's ignore annotations, with a reason always required).
/// </summary>
public static class AnnotationSuppressions
{
    public static IReadOnlyList<SuppressionDirective> Read(KubeObject obj, ICollection<Finding> problems)
    {
        var annotations = obj.Metadata.GetMapping("annotations");
        var key = annotations.GetKey(SuppressionSyntax.Annotation);
        if (key is null)
        {
            return [];
        }

        var document = obj.Document;
        var valueNode = annotations.Get(SuppressionSyntax.Annotation)!;
        var span = document.SpanOf(valueNode);
        var path = document.File.Path;
        if (valueNode is not YamlScalarNode scalar || scalar.Value is null || scalar.IsNull())
        {
            problems.Add(Problem(path, span, obj,
                $"annotation \"{SuppressionSyntax.Annotation}\" must be a string such as \"DS2005: reason\"; it suppresses nothing"));
            return [];
        }

        var objectSpan = YamlWalker.FullSpanOf(document, obj.Root);
        var suppressions = new List<SuppressionDirective>();
        foreach (var entry in scalar.Value.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            var problem = Parse(entry, out var ids, out var reason);
            if (problem is not null)
            {
                problems.Add(Problem(path, span, obj, problem));
                continue;
            }

            foreach (var id in ids)
            {
                suppressions.Add(new SuppressionDirective(SuppressionScope.Object, id, reason, path, span, $"annotation \"{SuppressionSyntax.Annotation}: {id}\"")
                {
                    ObjectSpan = objectSpan,
                    ObjectReference = obj.Reference,
                });
            }
        }

        return suppressions;
    }

    private static string? Parse(string entry, out IReadOnlyList<string> ids, out string reason)
    {
        ids = [];
        reason = string.Empty;
        var quoted = entry.Length <= 60 ? entry : entry.Substring(0, 57) + "...";
        if (SuppressionSyntax.SplitIds(entry) is not { } split)
        {
            return $"\"{quoted}\" in annotation \"{SuppressionSyntax.Annotation}\" does not start with a rule ID; write \"DS2005: reason\"; it is ignored";
        }

        if (SuppressionSyntax.CheckIds(split.Ids, $" in annotation \"{SuppressionSyntax.Annotation}\"", out var canonicalIds) is { } idProblem)
        {
            return idProblem + "; it is ignored";
        }

        var rest = split.Remainder.Trim();
        var joined = string.Join(", ", canonicalIds);
        if (rest.Length == 0 || rest[0] != ':' || rest.Substring(1).Trim().Length == 0)
        {
            return rest.Length > 0 && rest[0] != ':'
                ? $"\"{quoted}\" in annotation \"{SuppressionSyntax.Annotation}\" needs a colon after the rule IDs: \"{joined}: reason\"; it is ignored"
                : $"\"{joined}\" in annotation \"{SuppressionSyntax.Annotation}\" gives no reason; write \"{joined}: why it does not apply\"; it is ignored";
        }

        ids = canonicalIds;
        reason = rest.Substring(1).Trim();
        return null;
    }

    private static Finding Problem(string path, SourceSpan span, KubeObject obj, string message) =>
        InputFindings.Create(RuleIds.MalformedSuppression, path, message, span.Line, span.Column, span.EndLine == span.Line ? span.EndColumn : span.Column) with
        {
            Object = obj.Reference,
            Field = "metadata.annotations[" + SuppressionSyntax.Annotation + "]",
        };
}
