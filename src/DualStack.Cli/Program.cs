using DualStack.Cli.CommandLine;
using DualStack.Cli.Lint;

return DslintCommand.Run(args, ConsoleStreams.System());
