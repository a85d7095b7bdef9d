using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;

namespace DualStack.Cli.Fixing;

/// <summary>
/// The temporary files a replacement writes next to its target: named so that dslint recognises its own
/// (<c>.NAME.dslint-PID-RANDOM.tmp</c>), deleted on SIGINT, SIGTERM and normal exit, and removed by a later run when a
/// killed run (SIGKILL, power loss) left them behind.
/// </summary>
internal static class TempFiles
{
    private const string Marker = ".dslint-";
    private const string Suffix = ".tmp";

    /// <summary>A temporary file of a dead process, or older than this, is stale: a live one exists for milliseconds.</summary>
    private static readonly TimeSpan StaleAge = TimeSpan.FromMinutes(10);

    private static readonly ConcurrentDictionary<string, byte> Live = new(StringComparer.Ordinal);
    private static readonly List<PosixSignalRegistration> Registrations = [];
    private static readonly object Gate = new();
    private static int s_installed;
    private static bool s_closing;

    /// <summary>
    /// Creates a new temporary file beside <paramref name="target"/>, registered for clean-up, and opens it for writing.
    /// Creation and clean-up exclude each other, so a signal cannot slip between them and leave a file behind.
    /// </summary>
    public static FileStream Create(string target, out string path)
    {
        InstallCleanup();
        var directory = Path.GetDirectoryName(target) ?? ".";
        var name = string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(target)}{Marker}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}{Suffix}");
        path = Path.Combine(directory, name);
        lock (Gate)
        {
            if (s_closing)
            {
                throw new IOException("dslint is stopping");
            }

            Live[path] = 0;
            try
            {
                return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            }
            catch
            {
                Live.TryRemove(path, out _);
                throw;
            }
        }
    }

    /// <summary>Deletes a temporary file (if it still exists) and forgets it.</summary>
    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next run's stale clean-up.
        }

        Live.TryRemove(path, out _);
    }

    /// <summary>Forgets a temporary file that was renamed over its target.</summary>
    public static void Forget(string path) => Live.TryRemove(path, out _);

    /// <summary>
    /// Removes dslint temporary files in <paramref name="directory"/> that a run which died left behind: those of a
    /// process that no longer exists, and any older than ten minutes. Returns how many were removed.
    /// </summary>
    public static int RemoveStale(string directory)
    {
        var removed = 0;
        try
        {
            foreach (var path in Directory.EnumerateFiles(directory, "." + "*" + Marker + "*" + Suffix))
            {
                if (IsStale(path))
                {
                    try
                    {
                        File.Delete(path);
                        removed++;
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        // Another user's leftover or a read-only folder: not ours to force.
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An unlistable folder has nothing we could clean.
        }

        return removed;
    }

    /// <summary>The process id in a dslint temporary file name, or null when the name is not one of ours.</summary>
    internal static int? ProcessIdOf(string path)
    {
        var name = Path.GetFileName(path);
        var marker = name.LastIndexOf(Marker, StringComparison.Ordinal);
        if (!name.StartsWith('.') || marker < 0 || !name.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = name[(marker + Marker.Length)..^Suffix.Length];
        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && rest.Length - dash - 1 == 8 && int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    private static bool IsStale(string path)
    {
        if (ProcessIdOf(path) is not { } pid || Live.ContainsKey(path))
        {
            return false;
        }

        if (DateTime.UtcNow - File.GetLastWriteTimeUtc(path) > StaleAge)
        {
            return true;
        }

        // On Linux a process is alive while /proc/PID exists; elsewhere only the age decides.
        return pid != Environment.ProcessId && OperatingSystem.IsLinux() && !Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture));
    }

    private static void DeleteAll()
    {
        lock (Gate)
        {
            s_closing = true;
            foreach (var path in Live.Keys)
            {
                Delete(path);
            }
        }
    }

    // SIGINT and SIGTERM end the process after the handler (it does not cancel them); the handler only deletes.
    private static void InstallCleanup()
    {
        if (Interlocked.Exchange(ref s_installed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteAll();
        if (!OperatingSystem.IsWindows() && !OperatingSystem.IsBrowser())
        {
            lock (Registrations)
            {
                Registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => DeleteAll()));
                Registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => DeleteAll()));
            }
        }
        else
        {
            Console.CancelKeyPress += (_, _) => DeleteAll();
        }
    }
}
