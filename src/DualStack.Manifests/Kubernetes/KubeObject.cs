using DualStack.Manifests.Yaml;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Kubernetes;

/// <summary>
/// A Kubernetes API object found in a document: the document root, or one item of a <c>List</c>.
/// Field paths reported for it are relative to <see cref="Root"/>, as the API server prints them.
/// </summary>
public sealed class KubeObject
{
    public KubeObject(LoadedDocument document, YamlMappingNode root, string apiVersion, string kind)
    {
        Document = document;
        Root = root;
        ApiVersion = apiVersion;
        Kind = kind;
        Name = root.Get("metadata").GetString("name");
        Namespace = root.Get("metadata").GetString("namespace");
    }

    public LoadedDocument Document { get; }

    public YamlMappingNode Root { get; }

    public string ApiVersion { get; }

    public string Kind { get; }

    public string? Name { get; }

    public string? Namespace { get; }

    /// <summary>The API group: the part of apiVersion before the slash, empty for the core group (<c>v1</c>).</summary>
    public string Group => ApiVersion.IndexOf('/') is var slash and >= 0 ? ApiVersion.Substring(0, slash) : string.Empty;

    /// <summary><c>Kind/namespace/name</c>, namespace omitted when absent (the JSON output's <c>object</c>).</summary>
    public string Reference => Namespace is null ? $"{Kind}/{Name ?? "<unnamed>"}" : $"{Kind}/{Namespace}/{Name ?? "<unnamed>"}";

    public YamlMappingNode? Spec => Root.GetMapping("spec");

    public YamlMappingNode? Metadata => Root.GetMapping("metadata");

    public bool Is(string group, string kind) => Kind == kind && Group == group;

    public override string ToString() => Reference;
}
