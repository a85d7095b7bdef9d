using System.Collections;
using Microsoft.Build.Framework;

namespace DualStack.Build.Tests;

/// <summary>An <see cref="IBuildEngine"/> that records what a task logs, for unit tests without MSBuild.</summary>
internal sealed class FakeBuildEngine : IBuildEngine
{
    public List<BuildWarningEventArgs> Warnings { get; } = [];

    public List<BuildErrorEventArgs> Errors { get; } = [];

    public List<BuildMessageEventArgs> Messages { get; } = [];

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "test.csproj";

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException();

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);

    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
}
