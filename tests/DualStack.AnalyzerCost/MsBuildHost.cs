using Microsoft.Build.Locator;

namespace DualStack.AnalyzerCost;

/// <summary>
/// Makes the installed .NET SDK's MSBuild the one this process evaluates projects with (Microsoft.Build.Locator):
/// the SDK's own props and targets decide implicit usings, Directory.Build.props and framework symbols, as in a build.
/// Registration has to happen before any Microsoft.Build type is touched, so callers go through <see cref="Error"/>
/// first and keep their MSBuild code in methods of their own.
/// </summary>
internal static class MsBuildHost
{
    private static readonly Lazy<string?> Registration = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Null once the SDK's MSBuild is registered; otherwise why it could not be (projects are then read as XML).</summary>
    public static string? Error => Registration.Value;

    /// <summary>The version of the SDK whose MSBuild evaluates projects (null when none is registered).</summary>
    public static string? SdkVersion { get; private set; }

    private static string? Register()
    {
        if (Environment.GetEnvironmentVariable("DUALSTACK_COST_READER") == "xml")
        {
            // Measurements made before MSBuild evaluation (and a quick look at a repository) can still be reproduced.
            return "DUALSTACK_COST_READER=xml";
        }

        if (MSBuildLocator.IsRegistered)
        {
            return null;
        }

        try
        {
            var sdk = MSBuildLocator.QueryVisualStudioInstances()
                .Where(i => i.Version.Major >= 8)
                .OrderByDescending(i => i.Version)
                .FirstOrDefault();
            if (sdk is null)
            {
                return "no .NET SDK found";
            }

            MSBuildLocator.RegisterInstance(sdk);
            SdkVersion = sdk.Version.ToString();
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }
}
