using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;

namespace DualStack.Manifests.Tests.Kubernetes;

public sealed class PodSpecsTests
{
    private static KubeObject Object(string yaml)
    {
        var doc = Assert.Single(YamlLoader.Load(SourceFile.FromText("f.yaml", yaml)).Documents);
        return Assert.Single(KubeObjectReader.Read(doc));
    }

    [Theory]
    [InlineData("v1", "Pod", "spec", "spec")]
    [InlineData("apps/v1", "Deployment", "spec.template.spec", "spec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec")]
    [InlineData("apps/v1", "StatefulSet", "spec.template.spec", "spec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec")]
    [InlineData("apps/v1", "DaemonSet", "spec.template.spec", "spec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec")]
    [InlineData("apps/v1", "ReplicaSet", "spec.template.spec", "spec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec")]
    [InlineData("v1", "ReplicationController", "spec.template.spec", "spec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec")]
    [InlineData("batch/v1", "Job", "spec.template.spec", "spec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec")]
    [InlineData("batch/v1", "CronJob", "spec.jobTemplate.spec.template.spec", "spec:\n  jobTemplate:\n    spec:\n      template:\n        metadata:\n          labels: {app: web}\n        spec")]
    [InlineData("v1", "PodTemplate", "template.spec", "template:\n  metadata:\n    labels: {app: web}\n  spec")]
    public void Finds_the_pod_spec_of_each_workload_kind(string apiVersion, string kind, string expectedPath, string specOpening)
    {
        // The pod spec key is the last line of specOpening; its indentation decides the containers' indentation.
        var indent = new string(' ', specOpening.Length - specOpening.LastIndexOf('\n') - 1 - "spec".Length + 2);
        var metadata = kind == "Pod" ? "metadata:\n  name: x\n  labels: {app: web}\n" : "metadata:\n  name: x\n";
        var yaml = $"apiVersion: {apiVersion}\nkind: {kind}\n{metadata}{specOpening}:\n{indent}containers:\n{indent}- name: app\n{indent}  image: nginx\n";
        var obj = Object(yaml);

        var pod = Assert.Single(PodSpecs.Of(obj));
        Assert.Equal(expectedPath, pod.Path);
        Assert.Equal("web", pod.Labels.GetString("app"));
        var (container, path) = Assert.Single(PodSpecs.Containers(pod));
        Assert.Equal(expectedPath + ".containers[0]", path);
        Assert.Equal("app", container.GetString("name"));
    }

    [Fact]
    public void Containers_come_in_init_regular_ephemeral_order_with_indexes()
    {
        var obj = Object("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              ephemeralContainers:
              - name: debug
              containers:
              - name: a
              - not-a-mapping
              - name: c
              initContainers:
              - name: init
            """);
        var pod = Assert.Single(PodSpecs.Of(obj));
        Assert.Null(pod.Labels);
        var paths = PodSpecs.Containers(pod).Select(c => $"{c.Path}={c.Container.GetString("name")}").ToList();
        Assert.Equal(
            ["spec.initContainers[0]=init", "spec.containers[0]=a", "spec.containers[2]=c", "spec.ephemeralContainers[0]=debug"],
            paths);
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 80}]\n")]
    [InlineData("apiVersion: example.com/v1\nkind: Deployment\nmetadata: {name: s}\nspec:\n  template:\n    spec: {containers: []}\n")]
    [InlineData("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template: [1, 2]\n")]
    [InlineData("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: just-a-string\n")]
    [InlineData("apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  jobTemplate: ~\n")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: [a]\n")]
    public void Other_kinds_and_odd_shapes_yield_nothing(string yaml) =>
        Assert.Empty(PodSpecs.Of(Object(yaml)));

    [Fact]
    public void Container_lists_of_the_wrong_type_yield_nothing()
    {
        var obj = Object("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: nginx\n  initContainers: {name: x}\n");
        Assert.Empty(PodSpecs.Containers(Assert.Single(PodSpecs.Of(obj))));
    }
}
