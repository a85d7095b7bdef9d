using DualStack.Manifests.Yaml;
using DualStack.Rules;

namespace DualStack.Manifests.Engine;

/// <summary>
/// Sees each file of a run while the engine has its tree, with the findings of its own checks, so that what a front end
/// needs of the tree (tracing rendered output to its sources) is taken then rather than by parsing the file again after
/// the run. A file checked twice (see <see cref="ManifestLinter"/>) is seen twice; the later call replaces the earlier.
/// Calls come from several threads at once.
/// </summary>
public interface IFileObserver
{
    /// <param name="index">The file's place among the run's inputs in path order (two inputs may share a path).</param>
    /// <param name="file">The loaded file; its tree must not be kept.</param>
    /// <param name="findings">The findings of the file's own checks, before suppressions and run-wide checks.</param>
    /// <param name="reload">Loads the file again, for a later need of its tree (a run-wide finding at a new place).</param>
    void Checked(int index, LoadedFile file, IReadOnlyList<Finding> findings, Func<LoadedFile> reload);
}
