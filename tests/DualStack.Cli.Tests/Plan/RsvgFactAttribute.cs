namespace DualStack.Cli.Tests.Plan;

/// <summary>A fact that needs <c>rsvg-convert</c> (Debian librsvg2-bin, installed by .ci/run); skipped, saying so, when it is absent.</summary>
public sealed class RsvgFactAttribute : FactAttribute
{
    public RsvgFactAttribute()
    {
        if (RsvgConvert.Path is null)
        {
            Skip = "rsvg-convert is not installed (apt-get install librsvg2-bin; .ci/run installs it)";
        }
    }
}

/// <summary>Finds <c>rsvg-convert</c> on the PATH.</summary>
public static class RsvgConvert
{
    public static string? Path { get; } = Find();

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, "rsvg-convert"))
            .FirstOrDefault(File.Exists);
}
