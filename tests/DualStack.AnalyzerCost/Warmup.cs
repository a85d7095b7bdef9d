using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DualStack.AnalyzerCost;

/// <summary>
/// Runs the compiler and every analyzer once over a small networking file before anything is timed, so that the
/// first project of a repository does not pay for JIT compilation (a build's compiler server is warm after its
/// first project too).
/// </summary>
internal static class Warmup
{
    private const string Source = """
        using System;
        using System.Linq;
        using System.Net;
        using System.Net.Sockets;

        public sealed class WarmupServer
        {
            private readonly IPAddress _bound = IPAddress.Any;
            private IPAddress _resolved = Dns.GetHostEntry("example").AddressList[0];

            public void Start(int port, string host, string list)
            {
                var listener = new TcpListener(_bound, port);
                listener.Start();
                var client = new TcpClient();
                client.Connect(_resolved, port);
                var udp = new UdpClient(port);
                var url = new Uri($"http://{host}:{port}");
                var parts = list.Split(',').Select(s => s.Split(':')[0]).ToArray();
                var first = Array.Find(Dns.GetHostAddresses(host), a => a.AddressFamily == AddressFamily.InterNetwork);
                var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) { DualMode = true };
                if (first != null && first.Equals(IPAddress.Loopback) && first.MapToIPv4().GetAddressBytes()[3] == 1)
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse("10.0.0.5"), port));
                }
            }
        }
        """;

    public static async Task RunAsync(ImmutableArray<MetadataReference> references, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var tree = CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.Preview), "Warmup.cs");
        var compilation = CSharpCompilation.Create("Warmup", [tree], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new AnalyzerOptions([]);
        for (var i = 0; i < 2; i++)
        {
            await AnalyzerRun.RunAsync(compilation, analyzers, options, logExecutionTime: true).ConfigureAwait(false);
        }
    }
}
