using DualStack.Cli.CommandLine;
using DualStack.Cli.Lint;

// Start-up: YamlDotNet builds a RegexOptions.Compiled regex on its first parse (the tag directive pattern), which loads
// Reflection.Emit and compiles the generated matcher: about 15 ms of CPU of a small lint, for one match per document.
// Without dynamic code the runtime interprets the regex instead (same matches). Only the language server's JSON-RPC
// stack may generate code, so `dslint lsp` keeps it.
if (args.Length == 0 || args[0] != "lsp")
{
    AppContext.SetSwitch("System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported", false);
}

return DslintCommand.Run(args, ConsoleStreams.System());
