namespace DualStack.Manifests.Baseline;

/// <summary>A baseline file that is missing, unreadable or not a dslint baseline; the message names the file and what is wrong.</summary>
public sealed class BaselineException(string message) : Exception(message);
