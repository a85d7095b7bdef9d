namespace DualStack.Rules.Net;

/// <summary>How a comma-separated list treats whitespace around its items; the components differ.</summary>
public enum ListWhitespace
{
    /// <summary>Items are trimmed before parsing, as kubelet <c>--node-ip</c> and the load-balancer-source-ranges annotation do.</summary>
    Trim,

    /// <summary>
    /// Items are parsed as they stand, as kubeadm, kind and the kube flags do (<c>strings.Split</c> then parse):
    /// a space after a comma makes the item invalid.
    /// </summary>
    Strict,
}
