using DualStack.Analyzers.Rules;
using DualStack.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static DualStack.Analyzers.Tests.Rules.AddressFlowTesting;

namespace DualStack.Analyzers.Tests.Rules;

/// <summary>
/// The flow's facts arrive in whatever order callbacks run, so a message must not depend on that order: when a
/// value reaches two equally near carriers named as listen addresses, the finding names the same one whichever
/// copy comes first in the source.
/// </summary>
public sealed class DS1001DS1011AddressFlowDeterminismTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task Two_equally_near_listen_named_carriers_give_the_same_message_in_either_order(bool swapped)
    {
        var copies = swapped
            ? "BindAddressB = address; BindAddressA = address;"
            : "BindAddressA = address; BindAddressB = address;";
        var test = new CSharpAnalyzerVerifier<DS1001DS1011AddressFlowAnalyzer>.Test
        {
            TestCode = $$"""
                using System.Net;

                public sealed class Options
                {
                    public IPAddress BindAddressA { get; set; }
                    public IPAddress BindAddressB { get; set; }
                    private IPAddress _address = {|#0:IPAddress.Any|};

                    public void Apply()
                    {
                        var address = _address;
                        {{copies}}
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult("DS1001", DiagnosticSeverity.Info).WithLocation(0).WithArguments(
            "IPAddress.Any (stored in 'Options._address', then stored in 'Options.BindAddressA', named as a listen address)", BindAdvice));
        return test.RunAsync(CancellationToken.None);
    }
}
