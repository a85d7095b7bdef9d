namespace DualStack.Benchmarks;

/// <summary>
/// Finds <c>shared/corpus/manifests</c> in the nearest folder above the clone that has one, or the folder named by the
/// <c>DSLINT_CORPUS</c> environment variable. BenchmarkDotNet runs benchmarks from a generated project below this
/// project's bin folder, so the search walks up from there.
/// </summary>
internal static class CorpusLocator
{
    public static string ManifestsFolder()
    {
        if (Environment.GetEnvironmentVariable("DSLINT_CORPUS") is { Length: > 0 } configured)
        {
            return configured;
        }

        // The nearest shared/ folder above the benchmark: beside the clone, or further up for a git worktree.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var corpus = Path.Combine(dir.FullName, "shared", "corpus", "manifests");
            if (Directory.Exists(corpus))
            {
                return corpus;
            }
        }

        throw new InvalidOperationException("shared/corpus/manifests not found beside the clone; set DSLINT_CORPUS to a folder of manifests.");
    }
}
