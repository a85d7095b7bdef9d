namespace DualStack.Cli.CommandLine;

/// <summary>The exit codes, as tabulated in the README (peer consensus: conftest, Checkov, actionlint).</summary>
internal static class ExitCodes
{
    /// <summary>No finding at error severity (with <c>--warnaserror</c>: no warning either).</summary>
    public const int Success = 0;

    /// <summary>At least one error finding (or warning with <c>--warnaserror</c>).</summary>
    public const int Findings = 1;

    /// <summary>Bad usage, a missing path, an I/O error writing the output, or an internal error.</summary>
    public const int Failure = 2;
}
