namespace DualStack.EndToEnd.Tests;

/// <summary>The exact diagnostics of the samples, shared by the tests and mirrored in samples/README.md.</summary>
internal static class ExpectedWarnings
{
    public static readonly string[] WebApp =
    [
        "k8s/bad-placeholder(0,0): warning DS0000",
    ];
}
