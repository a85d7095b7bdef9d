namespace DualStack.Cli.CommandLine;

/// <summary>A problem with the command line or the inputs, printed as one line <c>dslint: error: …</c> with exit code 2.</summary>
internal sealed class CliException(string message) : Exception(message);
