using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DualStack.CodeFixes;

/// <summary>
/// The part every DualStack fix provider shares: it fixes one rule, supports Fix All with the batch fixer, and offers at
/// most one code action per diagnostic. Each fixer used to write that loop out again; now it says only which rule it
/// fixes (the constructor argument) and how to build the action for one diagnostic (<see cref="CreateFixAsync"/>: title,
/// equivalence key and replacement). The concrete classes keep their own [ExportCodeFixProvider] and [Shared]
/// attributes, because MEF discovers exports per class.
/// </summary>
public abstract class DiagnosticFixer(string diagnosticId) : CodeFixProvider
{
    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(diagnosticId);

    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (await CreateFixAsync(context, diagnostic).ConfigureAwait(false) is { } fix)
            {
                context.RegisterCodeFix(fix, diagnostic);
            }
        }
    }

    /// <summary>The code action for one diagnostic of <paramref name="context"/>, or null when this one cannot be fixed.</summary>
    protected abstract Task<CodeAction?> CreateFixAsync(CodeFixContext context, Diagnostic diagnostic);
}
