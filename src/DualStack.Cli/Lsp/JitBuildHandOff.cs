#if DSLINT_NATIVE
using System.Runtime.InteropServices;
using DualStack.Cli.CommandLine;

namespace DualStack.Cli.Lsp;

/// <summary>
/// The native (AOT) build of the tool has no language server: StreamJsonRpc generates code at run time. The package
/// ships the JIT build beside it in <c>lsp/</c>, and <c>dslint lsp</c> replaces this process with that build
/// (<c>execv</c>): the same process id, standard streams, signals and exit code, so an editor cannot tell the
/// difference.
/// </summary>
internal static partial class JitBuildHandOff
{
    public static int Exec(TextWriter error)
    {
        // lsp/dslint is the JIT build's apphost: it finds the installed .NET runtime the way any framework-dependent
        // application does (DOTNET_ROOT, then the global install location).
        var host = Path.Combine(AppContext.BaseDirectory, "lsp", "dslint");
        if (!File.Exists(host))
        {
            error.WriteLine($"dslint: error: the language server is missing from this installation ({host}); reinstall the tool.");
            return ExitCodes.Failure;
        }

        // The original arguments, whatever came before or after "lsp".
        var arguments = Environment.GetCommandLineArgs();
        var native = new List<IntPtr>();
        try
        {
            var path = Marshal.StringToCoTaskMemUTF8(host);
            native.Add(path);
            var argv = new IntPtr[arguments.Length + 1];
            argv[0] = path;
            for (var i = 1; i < arguments.Length; i++)
            {
                argv[i] = Marshal.StringToCoTaskMemUTF8(arguments[i]);
                native.Add(argv[i]);
            }

            argv[arguments.Length] = IntPtr.Zero;
            error.Flush();
            ExecV(path, argv);

            // execv returns only when it failed.
            var errno = Marshal.GetLastPInvokeError();
            error.WriteLine($"dslint: error: cannot start the language server {host}: {Marshal.GetPInvokeErrorMessage(errno)}");
            return ExitCodes.Failure;
        }
        finally
        {
            native.ForEach(Marshal.FreeCoTaskMem);
        }
    }

    [LibraryImport("libc", EntryPoint = "execv", SetLastError = true)]
    private static partial int ExecV(IntPtr path, IntPtr[] argv);
}
#endif
