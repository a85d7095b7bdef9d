namespace DualStack.Manifests.Configuration;

/// <summary>
/// A mistake in the configuration: a bad command-line option or MSBuild property (an error: the run does not start),
/// or an unknown key or bad value in an .editorconfig / .globalconfig file (a warning naming the file and line: the
/// value is ignored and the default applies).
/// </summary>
/// <param name="Message">What is wrong, starting with the setting's name (<c>--kubernetes-version: …</c>).</param>
/// <param name="IsError">True when the run must not go on.</param>
/// <param name="File">The configuration file, when the mistake is in one.</param>
/// <param name="Line">The 1-based line in <paramref name="File"/>, or 0.</param>
public sealed record ConfigurationProblem(string Message, bool IsError, string? File = null, int Line = 0)
{
    /// <summary><c>FILE:LINE: message</c>, or the message alone.</summary>
    public override string ToString() =>
        File is null ? Message : Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
