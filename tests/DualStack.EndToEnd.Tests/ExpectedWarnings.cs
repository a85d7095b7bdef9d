namespace DualStack.EndToEnd.Tests;

/// <summary>The exact diagnostics of the samples, shared by the tests and shown in the README.</summary>
internal static class ExpectedWarnings
{
    public static readonly string[] WebApp =
    [
        "Program.cs(6,33): warning DS1010",
        "Program.cs(12,32): warning DS1001",
        "k8s/deployment.yaml(20,22): warning DS2030",
        "k8s/microk8s-launch.yaml(11,1): warning DS3009",
        "k8s/networkpolicy.yaml(13,19): warning DS2022",
        "k8s/service.yaml(7,1): warning DS2005",
    ];
}
