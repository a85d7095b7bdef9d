using System.Diagnostics;
using System.Reflection;

namespace DualStack.Cli.Tests;

/// <summary>Runs the real tool: <c>dotnet dslint.dll …</c> as built from src/DualStack.Cli, in a given folder.</summary>
internal static class Dslint
{
    public static string DllPath => Metadata("DslintDll");

    public static string ProjectPath => Metadata("DslintProject");

    public static string Configuration => Metadata("Configuration");

    public static DslintResult Run(string workingDirectory, params string[] args) => RunWithInput(workingDirectory, null, null, args);

    public static DslintResult RunWithInput(string workingDirectory, string? standardInput, IDictionary<string, string?>? environment, params string[] args)
    {
        var (fileName, arguments) = CommandLine(args);
        return RunProcess(fileName, arguments, workingDirectory, standardInput, environment);
    }

    /// <summary>Runs the tool under test, killing it (and failing) after <paramref name="timeoutSeconds"/>.</summary>
    public static DslintResult RunWithTimeout(string workingDirectory, string[] args, string? standardInput = null, int timeoutSeconds = 120)
    {
        var (fileName, arguments) = CommandLine(args);
        return RunProcess(fileName, arguments, workingDirectory, standardInput, timeoutSeconds: timeoutSeconds);
    }

    /// <summary>The program and arguments that run the tool under test with <paramref name="args"/>.</summary>
    public static (string FileName, string[] Arguments) CommandLine(params string[] args) =>
        UnderTest is { } executable ? (executable, args) : ("dotnet", [DllPath, .. args]);

    /// <summary>The tool under test as a POSIX shell command prefix (quoted).</summary>
    public static string ShellCommand => UnderTest is { } executable ? $"'{executable}'" : $"dotnet '{DllPath}'";

    /// <summary>
    /// DSLINT_UNDER_TEST names another dslint executable for the process tests to run instead of the built net8.0
    /// dslint.dll, e.g. the installed native build: <c>DSLINT_UNDER_TEST=~/.dotnet/tools/dslint dotnet test …</c>.
    /// </summary>
    public static string? UnderTest => Environment.GetEnvironmentVariable("DSLINT_UNDER_TEST") is { Length: > 0 } path ? path : null;

    public static DslintResult RunProcess(string fileName, IEnumerable<string> args, string workingDirectory, string? standardInput = null, IDictionary<string, string?>? environment = null, int timeoutSeconds = 120)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The test host's own settings must not leak into the tool (e.g. a colour or CI setting).
        start.Environment.Remove("NO_COLOR");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(" ", args)} did not finish in {timeoutSeconds} s");
        }

        return new DslintResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Metadata(string key) =>
        typeof(Dslint).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

internal sealed record DslintResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
