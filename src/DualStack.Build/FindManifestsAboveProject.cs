using Microsoft.Build.Framework;

namespace DualStack.Build;

/// <summary>
/// Looks for a manifest folder (k8s/, kubernetes/, deploy/, manifests/ holding at least one .yaml, .yml or .json file)
/// in the folders above the project, up to the repository root (the nearest folder with a <c>.git</c> entry). Outside a
/// repository it looks nowhere: walking up to the file system root could find anybody's manifests.
/// </summary>
public sealed class FindManifestsAboveProject : Microsoft.Build.Utilities.Task
{
    private static readonly string[] FolderNames = ["k8s", "kubernetes", "deploy", "manifests"];

    private static readonly string[] Extensions = ["*.yaml", "*.yml", "*.json"];

    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>The first manifest folder found, nearest the project first; empty when none.</summary>
    [Output]
    public string Folder { get; set; } = string.Empty;

    public override bool Execute()
    {
        Folder = Find(ProjectDirectory) ?? string.Empty;
        return true;
    }

    internal static string? Find(string projectDirectory)
    {
        var ancestors = new List<DirectoryInfo>();
        for (var dir = new DirectoryInfo(projectDirectory).Parent; dir is not null; dir = dir.Parent)
        {
            ancestors.Add(dir);
            if (IsRepositoryRoot(dir))
            {
                return ancestors.SelectMany(Candidates).FirstOrDefault(HasManifests)?.FullName;
            }
        }

        return null;
    }

    private static bool IsRepositoryRoot(DirectoryInfo dir) =>
        Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git"));

    private static IEnumerable<DirectoryInfo> Candidates(DirectoryInfo dir) =>
        FolderNames.Select(name => new DirectoryInfo(Path.Combine(dir.FullName, name))).Where(d => d.Exists);

    private static bool HasManifests(DirectoryInfo dir)
    {
        try
        {
            return Extensions.Any(pattern => dir.EnumerateFiles(pattern, SearchOption.AllDirectories).Any());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
