namespace DualStack.Cli.Output;

/// <summary>One output format (<c>--format</c>): writes the whole report to standard output or the <c>--output</c> file.</summary>
internal interface IReportFormatter
{
    void Write(LintReport report, TextWriter writer);
}
