using System.Runtime.InteropServices;
using System.Text;

namespace DualStack.Manifests;

/// <summary>What kind of file system entry a path names, as <c>stat</c> reports it.</summary>
public enum FileKind
{
    /// <summary>The platform cannot tell (not Linux, or the call failed): treat it as a regular file.</summary>
    Unknown,
    Regular,
    Directory,
    NamedPipe,
    CharacterDevice,
    BlockDevice,
    Socket,
    SymbolicLink,
    Missing,
}

/// <summary>
/// The parts of a file's <c>stat</c> that decide whether dslint may open or replace it: its kind (a named pipe blocks
/// the reader forever; a device must never be replaced by a regular file), owner, mode and link count (a rename would
/// change them). .NET has no public API for the file type or link count, so on Linux this asks the kernel through
/// <c>statx</c>, whose structure is the same on every architecture; elsewhere the kind is <see cref="FileKind.Unknown"/>.
/// </summary>
public sealed record FileStatus(FileKind Kind, uint Mode, uint UserId, uint GroupId, uint LinkCount, ulong Inode, ulong Device)
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private const int StatxSize = 256;

    private static bool s_unavailable = !RuntimeInformation.IsOSPlatform(OSPlatform.Linux);

    /// <summary>The size in bytes when <c>statx</c> gave it (a reader then needs no second look at the file).</summary>
    public long? Size { get; init; }

    /// <summary>True for entries that can be read without blocking and replaced by a regular file.</summary>
    public bool IsRegularOrUnknown => Kind is FileKind.Regular or FileKind.Unknown;

    /// <summary>Words for messages: "a named pipe", "a character device", …</summary>
    public string Description => Describe(Kind);

    /// <summary>The status of <paramref name="path"/>; symbolic links are followed unless <paramref name="followLinks"/> is false.</summary>
    public static FileStatus Of(string path, bool followLinks = true)
    {
        if (!s_unavailable)
        {
            try
            {
                var buffer = new byte[StatxSize];
                var name = Encoding.UTF8.GetBytes(path + "\0");
                if (NativeMethods.Statx(AtFdCwd, name, followLinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, buffer) == 0)
                {
                    var mode = BitConverter.ToUInt16(buffer, 28);
                    return new FileStatus(
                        KindOf(mode),
                        mode & 0xFFFu,
                        BitConverter.ToUInt32(buffer, 20),
                        BitConverter.ToUInt32(buffer, 24),
                        BitConverter.ToUInt32(buffer, 16),
                        BitConverter.ToUInt64(buffer, 32),
                        ((ulong)BitConverter.ToUInt32(buffer, 136) << 32) | BitConverter.ToUInt32(buffer, 140))
                    {
                        Size = BitConverter.ToInt64(buffer, 40),
                    };
                }

                // ENOENT, EACCES on a parent folder and the like: let the .NET calls that follow give their own message.
                return Fallback(path);
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
            {
                // Not glibc (musl before 1.2.5), or a sandbox without statx: fall back for the rest of the process.
                s_unavailable = true;
            }
        }

        return Fallback(path);
    }

    internal static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a directory",
        FileKind.NamedPipe => "a named pipe (FIFO)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Missing => "missing",
        _ => "a regular file",
    };

    private static FileStatus Fallback(string path)
    {
        var kind = Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Unknown : FileKind.Missing;
        return new FileStatus(kind, 0, 0, 0, 0, 0, 0);
    }

    private static FileKind KindOf(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0x1000 => FileKind.NamedPipe,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0xC000 => FileKind.Socket,
        0xA000 => FileKind.SymbolicLink,
        _ => FileKind.Unknown,
    };

    private static class NativeMethods
    {
        // glibc's soname: "libc" alone may resolve to a linker script on machines with development packages.
        [DllImport("libc.so.6", EntryPoint = "statx", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Statx(int dirfd, byte[] pathname, int flags, uint mask, byte[] buffer);
    }
}
