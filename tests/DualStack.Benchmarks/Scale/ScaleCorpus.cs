namespace DualStack.Benchmarks.Scale;

/// <summary>
/// The inputs of the scale measurements, generated into a temporary folder from <c>shared/corpus/manifests</c> (never
/// committed): the corpus copied N times (×30 is 10,470 files, 89 MB), and files of a given size made of the corpus
/// manifests one after the other as YAML documents (eight 8.9 MB files).
/// </summary>
internal static class ScaleCorpus
{
    /// <summary>The manifest files of a folder, as <c>dslint lint FOLDER</c> finds them, in path order.</summary>
    public static IReadOnlyList<string> ManifestFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();

    /// <summary>Copies the corpus <paramref name="copies"/> times into <paramref name="target"/> (copy-00/, copy-01/, …).</summary>
    public static void Copies(string corpus, string target, int copies)
    {
        var files = ManifestFiles(corpus);
        for (var copy = 0; copy < copies; copy++)
        {
            foreach (var file in files)
            {
                var destination = Path.Combine(target, $"copy-{copy:D2}", Path.GetRelativePath(corpus, file));
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(file, destination, overwrite: true);
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="count"/> files of about <paramref name="bytes"/> each into <paramref name="target"/>: the
    /// corpus's YAML files that parse on their own, joined as documents, repeated until the size is reached.
    /// </summary>
    public static void LargeFiles(string corpus, string target, int count, long bytes)
    {
        var documents = ManifestFiles(corpus)
            .Where(f => !f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Select(File.ReadAllText)
            .Where(ParsesAlone)
            .ToList();
        Directory.CreateDirectory(target);
        for (var i = 0; i < count; i++)
        {
            using var writer = new StreamWriter(Path.Combine(target, $"bundle-{i}.yaml"));
            long written = 0;
            for (var d = 0; written < bytes; d = (d + 1) % documents.Count)
            {
                var text = "---\n" + documents[d].TrimEnd('\n') + "\n";
                writer.Write(text);
                written += text.Length;
            }
        }
    }

    /// <summary>The corpus folder, or null (with the reason printed) when <c>shared/corpus</c> is not beside the clone.</summary>
    public static string? Find()
    {
        try
        {
            return CorpusLocator.ManifestsFolder();
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine("skipped: " + ex.Message);
            return null;
        }
    }

    // Files with Go templates or broken YAML would make the joined file one big DS0001/DS0003.
    private static bool ParsesAlone(string text)
    {
        if (text.Contains("{{", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            new YamlDotNet.RepresentationModel.YamlStream().Load(new StringReader(text));
            return true;
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return false;
        }
    }
}
