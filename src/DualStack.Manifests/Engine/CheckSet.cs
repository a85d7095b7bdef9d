using DualStack.Manifests.Checks;

namespace DualStack.Manifests.Engine;

/// <summary>The checks a run executes: normally <see cref="Registered"/>; tests pass their own.</summary>
public sealed record CheckSet(
    IReadOnlyList<IObjectCheck> ObjectChecks,
    IReadOnlyList<IDocumentCheck> DocumentChecks,
    IReadOnlyList<IRunCheck> RunChecks,
    IReadOnlyList<ISummaryCheck> SummaryChecks)
{
    public CheckSet(IReadOnlyList<IObjectCheck> objectChecks, IReadOnlyList<IDocumentCheck> documentChecks, IReadOnlyList<IRunCheck> runChecks)
        : this(objectChecks, documentChecks, runChecks, [])
    {
    }

    /// <summary>Every check of <see cref="CheckRegistry"/>.</summary>
    public static CheckSet Registered { get; } = new(CheckRegistry.ObjectChecks, CheckRegistry.DocumentChecks, CheckRegistry.RunChecks, CheckRegistry.SummaryChecks);

    /// <summary>No checks at all: only loading, suppressions and configuration.</summary>
    public static CheckSet None { get; } = new([], [], [], []);

    public static CheckSet Of(params IObjectCheck[] objectChecks) => new(objectChecks, [], [], []);
}
