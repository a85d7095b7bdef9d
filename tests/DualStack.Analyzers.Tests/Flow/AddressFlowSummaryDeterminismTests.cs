using DualStack.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DualStack.Analyzers.Tests.Flow;

/// <summary>
/// The flow summary is filled concurrently, so facts arrive in any order. The sink a finding names must not depend
/// on that order: on DotNetty the same build named `TcpSocketChannel.DoBind` in one run and
/// `TcpServerSocketChannel.DoBind` in another when two binds were equally near.
/// </summary>
public sealed class AddressFlowSummaryDeterminismTests
{
    private static readonly IReadOnlyList<IFieldSymbol> Fields = CompileFields("Source", "CarrierA", "CarrierB");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Two_equally_near_binds_name_the_same_sink_whichever_carrier_or_order_holds_it(bool swapped)
    {
        // Which carrier symbol holds which bind changes the carriers' hash order, and with it the order a
        // concurrent dictionary hands them out; the named sink must follow the facts, not that order.
        var source = Fields[0];
        var nearA = swapped ? Fields[2] : Fields[1];
        var nearB = swapped ? Fields[1] : Fields[2];

        var summary = new AddressFlowSummary();
        summary.AddSink(nearB, AddressSinkKind.Bind, "Socket.Bind in 'B.Start'");
        summary.AddSink(nearA, AddressSinkKind.Bind, "Socket.Bind in 'A.Start'");
        summary.AddEdge(nearB, source);
        summary.AddEdge(nearA, source);

        var sink = summary.SinkOf(source, AddressSinkKind.Bind)!;

        Assert.Equal("Socket.Bind in 'A.Start'", sink.Description);
        Assert.True(SymbolEqualityComparer.Default.Equals(nearA, sink.Via));
    }

    [Fact]
    public void Two_sinks_on_one_carrier_keep_the_same_description_whatever_order_they_arrived_in()
    {
        var carrier = Fields[0];

        var forward = new AddressFlowSummary();
        forward.AddSink(carrier, AddressSinkKind.Bind, "Socket.Bind in 'A.Start'");
        forward.AddSink(carrier, AddressSinkKind.Bind, "Socket.Bind in 'B.Start'");

        var backward = new AddressFlowSummary();
        backward.AddSink(carrier, AddressSinkKind.Bind, "Socket.Bind in 'B.Start'");
        backward.AddSink(carrier, AddressSinkKind.Bind, "Socket.Bind in 'A.Start'");

        Assert.Equal(
            forward.SinkOf(carrier, AddressSinkKind.Bind)!.Description,
            backward.SinkOf(carrier, AddressSinkKind.Bind)!.Description);
    }

    private static IReadOnlyList<IFieldSymbol> CompileFields(params string[] names)
    {
        var text = "class Holder { " + string.Concat(names.Select(n => $"public object {n}; ")) + "}";
        var compilation = CSharpCompilation.Create(
            "FlowDeterminism",
            new[] { CSharpSyntaxTree.ParseText(text) },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
        var holder = compilation.GetTypeByMetadataName("Holder")!;
        return names.Select(n => (IFieldSymbol)holder.GetMembers(n).Single()).ToList();
    }
}
