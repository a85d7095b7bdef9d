using YamlDotNet.RepresentationModel;

namespace DualStack.Benchmarks.Scale;

/// <summary>
/// The floor the linter is measured against: read each file and parse it into a YamlDotNet <see cref="YamlStream"/>,
/// on all cores, keeping nothing but a count, which is the least any YAML linter must do with the same files.
/// </summary>
internal static class BareParse
{
    public static int Run(IReadOnlyList<string> files)
    {
        var documents = 0;
        Parallel.ForEach(files, file =>
        {
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(File.ReadAllText(file)));
                Interlocked.Add(ref documents, stream.Documents.Count);
            }
            catch (YamlDotNet.Core.YamlException)
            {
                // Helm templates and the odd broken file: the linter reports them; the floor skips them.
            }
        });
        return documents;
    }
}
