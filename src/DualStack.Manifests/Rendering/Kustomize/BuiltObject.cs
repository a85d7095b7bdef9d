using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Rendering.Kustomize;

/// <summary>An object a kustomization produces: a copy of a resource, with the patches applied to it so far.</summary>
public sealed class BuiltObject
{
    public BuiltObject(YamlMappingNode root, string kind, string? name, string? @namespace, string definedIn)
    {
        Root = root;
        Kind = kind;
        Name = name;
        Namespace = @namespace;
        DefinedIn = definedIn;
    }

    public YamlMappingNode Root { get; }

    public string Kind { get; }

    public string? Name { get; }

    /// <summary>The object's namespace, or the one a kustomization on the way sets.</summary>
    public string? Namespace { get; set; }

    /// <summary>The resource file the object comes from.</summary>
    public string DefinedIn { get; }

    /// <summary>The patch files (or kustomizations, for inline patches) applied to the object, in order.</summary>
    public List<string> PatchedBy { get; } = [];

    public string Reference => Namespace is null ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";
}
