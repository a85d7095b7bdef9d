using System.CommandLine;
using System.Runtime.CompilerServices;
using DualStack.Cli.Lint;

namespace DualStack.Cli.Lsp;

/// <summary>
/// <c>dslint lsp</c>: the language server over standard input and output. StreamJsonRpc is loaded only when this
/// command runs (the entry point is a separate method the JIT compiles only then), so <c>lint</c> and
/// <c>--version</c> start as fast as before.
/// </summary>
internal static class LspCommand
{
    public static Command Create(ConsoleStreams console)
    {
        // Editors' generic clients often pass --stdio; it is the only transport, so it is accepted and changes nothing.
        var stdio = new Option<bool>("--stdio") { Description = "Speak LSP over standard input and output (the default and only transport)." };
        var command = new Command("lsp", "Run the language server (LSP 3.17 over standard input/output) for editors.") { stdio };
        command.SetAction(_ => Run(console));
        return command;
    }

#if DSLINT_NATIVE
    private static int Run(ConsoleStreams console) => JitBuildHandOff.Exec(console.Error);
#else
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Run(ConsoleStreams console)
    {
        // Standard output carries protocol messages only: anything else that writes to Console goes to standard error.
        var output = OpenStandardOutput();
        var input = console.OpenStandardInput();
        Console.SetOut(console.Error);
        return LspServerHost.RunAsync(input, output, console.Error).GetAwaiter().GetResult();
    }

    // On Unix the console stream drops writes to a closed pipe without a word (it ignores EPIPE), so the server would
    // never learn that its client stopped reading; a file stream over descriptor 1 reports it as an IOException.
    private static Stream OpenStandardOutput()
    {
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                return new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
            {
                // Descriptor 1 closed or unusable: the console stream copes with that.
            }
        }

        return Console.OpenStandardOutput();
    }
#endif
}
