namespace DualStack.Manifests.Tests.ClusterConfig;
public sealed class TmpLocal
{
    [Fact]
    public void Local_corpus() => CorpusTests.AssertGolden(CorpusTests.LintCorpus("/work/shared/corpus/cluster-config"));

    [Fact]
    public void Local_pair() => CorpusTests.AssertK3sCiliumOverlap("/work/shared/corpus/cluster-config");
}
