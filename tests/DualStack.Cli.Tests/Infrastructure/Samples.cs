namespace DualStack.Cli.Tests;

/// <summary>
/// YAML inputs whose findings the tests know exactly. DS0001 (syntax error) is reported by the engine itself, so these
/// tests stay valid whatever Kubernetes rules land later: the broken document is skipped before any rule sees it.
/// </summary>
internal static class Samples
{
    /// <summary>A ConfigMap (fine), then a document with a second <c>:</c> in a plain scalar: DS0001 at 9:15 (that colon).</summary>
    public const string Broken = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: fine
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: broken: yes

        """;

    public const int BrokenLine = 9;

    public const int BrokenColumn = 15;

    public const string BrokenMessage = "YAML syntax error: while scanning a plain scalar value, found invalid mapping; this document is skipped";

    /// <summary>A Service <c>web</c> with <c>ipFamilyPolicy: {0}</c> at line 6, column 19 (format it with the policy).</summary>
    public static string ServiceWithPolicy(string policy) => $"""
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          ipFamilyPolicy: {policy}
          ports:
          - port: 80

        """;

    /// <summary>A Service <c>web</c> with no policy: DS2005 at 5:1 on a dual-stack target.</summary>
    public const string ServiceWithoutPolicy = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          ports:
          - port: 80

        """;

    /// <summary>A ConfigMap with no IP address anywhere: no rule has anything to say about it.</summary>
    public const string Clean = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: clean
        data:
          greeting: hello
        """;
}
