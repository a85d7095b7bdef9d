namespace DualStack.Rules;

/// <summary>
/// How loudly a finding is reported. Mirrors Roslyn's levels so one <c>.editorconfig</c> value means the same
/// thing for C# and for manifests: <c>none</c>, <c>silent</c>, <c>suggestion</c>, <c>warning</c>, <c>error</c>.
/// </summary>
public enum Severity
{
    /// <summary>Disabled: the finding is dropped.</summary>
    None = 0,

    /// <summary>Kept but not shown (editorconfig <c>silent</c>).</summary>
    Hidden = 1,

    /// <summary>Informational (editorconfig <c>suggestion</c>).</summary>
    Info = 2,

    /// <summary>A warning.</summary>
    Warning = 3,

    /// <summary>An error: the input is rejected or certainly broken.</summary>
    Error = 4,
}
