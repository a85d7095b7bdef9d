namespace DualStack.Rules;

/// <summary>A Kubernetes minor version such as 1.36; decides version-dependent behaviour (strict IP parsing, range sizes).</summary>
public readonly record struct KubernetesVersion(int Major, int Minor) : IComparable<KubernetesVersion>
{
    /// <summary>The newest version whose behaviour the engine knows; the default target.</summary>
    public static KubernetesVersion Newest { get; } = new(1, 36);

    /// <summary>The oldest version accepted as a target.</summary>
    public static KubernetesVersion Oldest { get; } = new(1, 20);

    /// <summary>First version with StrictIPCIDRValidation on by default: non-standard IPs and CIDRs become errors.</summary>
    public static KubernetesVersion StrictIpValidation { get; } = new(1, 36);

    /// <summary>First version where the service range is no longer limited to 20 host bits by default.</summary>
    public static KubernetesVersion NoServiceRangeSizeLimit { get; } = new(1, 34);

    /// <summary>Parses <c>1.36</c>, <c>v1.36</c> or <c>1.36.2</c> (the patch is ignored).</summary>
    public static bool TryParse(string? text, out KubernetesVersion version)
    {
        version = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text!.Trim();
        if (s.StartsWith("v", StringComparison.OrdinalIgnoreCase))
        {
            s = s.Substring(1);
        }

        var parts = s.Split('.');
        if (parts.Length is < 2 or > 3
            || !int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minor)
            || (parts.Length == 3 && !int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            return false;
        }

        version = new KubernetesVersion(major, minor);
        return true;
    }

    /// <summary>
    /// Parses a target version and checks that the engine knows it (<see cref="Oldest"/> to <see cref="Newest"/>).
    /// <paramref name="error"/> says what is wrong, for every front end to print after the setting's name.
    /// </summary>
    public static bool TryParseSupported(string? text, out KubernetesVersion version, out string? error)
    {
        error = null;
        if (!TryParse(text, out version))
        {
            error = $"\"{text}\" is not a Kubernetes version such as {Newest}";
            return false;
        }

        if (version < Oldest)
        {
            error = $"{version} is older than the oldest supported version {Oldest}";
        }
        else if (version > Newest)
        {
            error = $"{version} is newer than the newest known version {Newest}; use {Newest} until dslint knows {version}";
        }

        return error is null;
    }

    public int CompareTo(KubernetesVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(KubernetesVersion a, KubernetesVersion b) => a.CompareTo(b) < 0;

    public static bool operator >(KubernetesVersion a, KubernetesVersion b) => a.CompareTo(b) > 0;

    public static bool operator <=(KubernetesVersion a, KubernetesVersion b) => a.CompareTo(b) <= 0;

    public static bool operator >=(KubernetesVersion a, KubernetesVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Major}.{Minor}";
}
