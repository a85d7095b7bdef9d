namespace DualStack.Rules.Listening;

/// <summary>What the host of a listen address means for the families it accepts.</summary>
public enum ListenHostKind
{
    /// <summary>A name, a specific address, a placeholder such as <c>$(POD_IP)</c>, or nothing recognisable.</summary>
    Other,

    /// <summary><c>0.0.0.0</c>: every IPv4 address, and IPv4 only.</summary>
    IPv4Wildcard,

    /// <summary><c>::</c> / <c>[::]</c> (any spelling of the unspecified IPv6 address): both families on a dual-stack socket.</summary>
    IPv6Wildcard,

    /// <summary>Kestrel's any-host forms <c>*</c> and <c>+</c>: <c>[::]</c> in dual mode, <c>0.0.0.0</c> when IPv6 is off.</summary>
    AnyHost,
}
