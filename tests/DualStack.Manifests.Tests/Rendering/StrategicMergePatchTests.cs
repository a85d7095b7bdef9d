using DualStack.Manifests.Rendering.Kustomize;
using DualStack.Manifests.Yaml;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Tests.Rendering;

/// <summary>Strategic merge and JSON 6902 patches on a copy of the base, with every node's origin kept.</summary>
public sealed class StrategicMergePatchTests
{
    private static (YamlMappingNode Merged, OriginMap Origins, LoadedDocument Base, LoadedDocument Patch) Merge(string baseYaml, string patchYaml)
    {
        var origins = new OriginMap();
        var baseDocument = YamlLoader.Load(SourceFile.FromText("base.yaml", baseYaml)).Documents[0];
        var patchDocument = YamlLoader.Load(SourceFile.FromText("patch.yaml", patchYaml)).Documents[0];
        origins.AddDocument(baseDocument, baseDocument.Root);
        origins.AddDocument(patchDocument, patchDocument.Root);
        var copy = (YamlMappingNode)origins.Clone(baseDocument.Root);
        if (patchDocument.Root is YamlSequenceNode operations)
        {
            Assert.Empty(JsonPatch.Apply(copy, operations, origins));
        }
        else
        {
            StrategicMergePatch.Apply(copy, (YamlMappingNode)patchDocument.Root, origins);
        }

        return (copy, origins, baseDocument, patchDocument);
    }

    private static string Text(YamlNode node) => MergedObjectWriter.Write((YamlMappingNode)node).Text;

    private const string Base = """
        kind: Deployment
        spec:
          replicas: 2
          template:
            spec:
              containers:
              - name: web
                image: web:1
                env:
                - name: A
                  value: "1"
                ports:
                - containerPort: 80
              - name: side
                image: side:1
        """;

    [Fact]
    public void Lists_with_a_merge_key_merge_by_item_and_null_deletes()
    {
        var (merged, origins, _, patch) = Merge(Base, """
            spec:
              replicas: null
              template:
                spec:
                  containers:
                  - name: web
                    env:
                    - name: ASPNETCORE_URLS
                      value: http://0.0.0.0:8080
                  - name: side
                    $patch: delete
            """);

        Assert.Equal("""
            kind: Deployment
            spec:
              template:
                spec:
                  containers:
                  - name: web
                    image: web:1
                    env:
                    - name: A
                      value: "1"
                    - name: ASPNETCORE_URLS
                      value: http://0.0.0.0:8080
                    ports:
                    - containerPort: 80

            """, Text(merged));
        var url = merged.Get("spec").Get("template").Get("spec").Get("containers").Items()[0].Get("env").Items()[1].Get("value")!;
        Assert.Same(patch, origins.Get(url)!.Document);
        Assert.Equal((9, 18), (origins.Get(url)!.Span.Line, origins.Get(url)!.Span.Column));
    }

    [Fact]
    public void Other_lists_and_scalars_are_replaced_and_keep_the_base_key()
    {
        var (merged, origins, baseDocument, patch) = Merge("""
            kind: Service
            spec:
              ipFamilyPolicy: PreferDualStack
              ipFamilies: [IPv4, IPv6]
              ports:
              - port: 80
                name: http
            """, """
            spec:
              type: LoadBalancer
              ipFamilies: [IPv6]
              ports:
              - port: 80
                targetPort: 8080
            """);

        Assert.Equal("""
            kind: Service
            spec:
              ipFamilyPolicy: PreferDualStack
              ipFamilies:
              - IPv6
              ports:
              - port: 80
                name: http
                targetPort: 8080
              type: LoadBalancer

            """, Text(merged));
        var spec = (YamlMappingNode)merged.Get("spec")!;
        Assert.Same(baseDocument, origins.Get(spec.GetKey("ipFamilies")!)!.Document);
        Assert.Same(patch, origins.Get(spec.Get("type")!)!.Document);
    }

    [Fact]
    public void Replace_directive_replaces_the_mapping()
    {
        var (merged, _, _, _) = Merge("spec:\n  selector:\n    app: web\n    tier: front\n", "spec:\n  selector:\n    $patch: replace\n    app: api\n");
        Assert.Equal("spec:\n  selector:\n    app: api\n", Text(merged));
    }

    [Fact]
    public void Json_patch_operations()
    {
        var (merged, origins, _, patch) = Merge("""
            kind: Service
            spec:
              ipFamilyPolicy: PreferDualStack
              clusterIP: 10.0.0.1
              ports:
              - port: 80
            """, """
            - op: replace
              path: /spec/ipFamilyPolicy
              value: SingleStack
            - op: remove
              path: /spec/clusterIP
            - op: add
              path: /spec/loadBalancerSourceRanges
              value: ["10.0.0.0/8"]
            - op: add
              path: /spec/ports/-
              value: {port: 443}
            """);

        Assert.Equal("""
            kind: Service
            spec:
              ipFamilyPolicy: SingleStack
              ports:
              - port: 80
              - port: 443
              loadBalancerSourceRanges:
              - "10.0.0.0/8"

            """, Text(merged));
        var spec = merged.Get("spec")!;
        Assert.Equal(3, origins.Get(spec.Get("ipFamilyPolicy")!)!.Span.Line);
        Assert.Same(patch, origins.Get(spec.GetKey("loadBalancerSourceRanges")!)!.Document);
    }

    [Fact]
    public void Json_patch_problems_are_said()
    {
        var origins = new OriginMap();
        var target = (YamlMappingNode)YamlLoader.Load(SourceFile.FromText("b.yaml", "spec: {}\n")).Documents[0].Root;
        var operations = (YamlSequenceNode)YamlLoader.Load(SourceFile.FromText("p.yaml", "- op: move\n  from: /a\n  path: /b\n- op: replace\n  path: /spec/x/y\n  value: 1\n")).Documents[0].Root;
        Assert.Equal(
            ["operation \"move\" at \"/b\" is not applied (only add, replace and remove are)", "replace at \"/spec/x/y\": the path does not exist in the target"],
            JsonPatch.Apply(target, operations, origins));
    }

    [Fact]
    public void Quoting_keeps_values_readable_as_the_same_scalars()
    {
        var document = YamlLoader.Load(SourceFile.FromText("a.yaml", "a: 'x: y'\nb: \"line\\nbreak\"\nc: 80\nd:\ne: http://[::1]:80\nf: '010.1.1.1'\n")).Documents[0];
        var text = MergedObjectWriter.Write((YamlMappingNode)document.Root).Text;
        var reread = YamlLoader.Load(SourceFile.FromText("b.yaml", text)).Documents[0].Root;
        foreach (var key in new[] { "a", "b", "c", "d", "e", "f" })
        {
            Assert.Equal(((YamlScalarNode)document.Root.Get(key)!).Value, ((YamlScalarNode)reread.Get(key)!).Value);
        }

        Assert.Equal("d:\n", text.Split('\n')[3] + "\n");
    }
}
