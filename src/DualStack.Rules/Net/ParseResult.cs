namespace DualStack.Rules.Net;

/// <summary>
/// The outcome of <see cref="IpParser.ParseIp"/> (<c>ParseResult&lt;IpAddress&gt;</c>) or <see cref="IpParser.ParseCidr"/>
/// (<c>ParseResult&lt;IpCidr&gt;</c>): the value when it parsed at all, and the first problem with its Kubernetes message.
/// </summary>
/// <typeparam name="T"><see cref="IpAddress"/> or <see cref="IpCidr"/>.</typeparam>
public readonly struct ParseResult<T>
    where T : struct
{
    internal ParseResult(string? text, bool hasValue, T value, IpProblem problem, string? message)
    {
        Text = text;
        HasValue = hasValue;
        Value = value;
        Problem = problem;
        Message = message;
    }

    /// <summary>The text that was parsed.</summary>
    public string? Text { get; }

    /// <summary>True when the value parsed and has no problem (false for <c>default</c>).</summary>
    public bool Success => HasValue && Problem == IpProblem.None;

    /// <summary>True when the sloppy parse succeeded, so <see cref="Value"/> holds the value even if a strict problem was found.</summary>
    public bool HasValue { get; }

    /// <summary>The parsed value (valid when <see cref="HasValue"/>); its <c>ToString()</c> is the value to suggest instead.</summary>
    public T Value { get; }

    /// <summary>The problem found, <see cref="IpProblem.None"/> on success.</summary>
    public IpProblem Problem { get; }

    /// <summary>The exact apimachinery detail message for <see cref="Problem"/>, null on success.</summary>
    public string? Message { get; }
}
