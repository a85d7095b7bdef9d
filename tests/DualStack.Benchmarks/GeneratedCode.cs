using System.Globalization;
using System.Text;

namespace DualStack.Benchmarks;

/// <summary>C# source files for the analyzer benchmark, about 100 lines each.</summary>
internal static class GeneratedCode
{
    public static string Networking(int n)
    {
        var s = new StringBuilder();
        s.AppendLine("using System; using System.Linq; using System.Net; using System.Net.Sockets; using System.Net.Http; using System.Threading.Tasks;");
        s.AppendLine(CultureInfo.InvariantCulture, $"namespace Bench.Net{n % 20};");
        s.AppendLine(CultureInfo.InvariantCulture, $"public sealed class Endpoint{n}");
        s.AppendLine("{");
        s.AppendLine("    private static readonly HttpClient Http = new();");
        for (var m = 0; m < 6; m++)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $$"""
                    public TcpListener Listen{{m}}(int port)
                    {
                        var any = IPAddress.Any;
                        var listener = new TcpListener(any, port + {{m}});
                        listener.Start();
                        return listener;
                    }

                    public TcpListener ListenBoth{{m}}(int port) => TcpListener.Create(port + {{m}});

                    public string Compose{{m}}(IPAddress ip, int port)
                    {
                        var text = $"{ip}:{port}";
                        return new Uri("http://" + text + "/").ToString();
                    }

                    public IPAddress[] Resolve{{m}}(string host) =>
                        Dns.GetHostAddresses(host).Where(a => a.AddressFamily == AddressFamily.InterNetwork).ToArray();

                    public bool IsLocal{{m}}(IPAddress a) => a.Equals(IPAddress.Loopback) || IPAddress.IsLoopback(a);

                """);
        }

        s.AppendLine("}");
        return s.ToString();
    }

    public static string Plain(int n)
    {
        var s = new StringBuilder();
        s.AppendLine("using System; using System.Collections.Generic; using System.Linq;");
        s.AppendLine(CultureInfo.InvariantCulture, $"namespace Bench.Plain{n % 20};");
        s.AppendLine(CultureInfo.InvariantCulture, $"public sealed class Order{n}");
        s.AppendLine("{");
        s.AppendLine("    private readonly List<decimal> _lines = new();");
        for (var m = 0; m < 8; m++)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $$"""
                    public decimal Total{{m}}(decimal tax)
                    {
                        var sum = _lines.Where(l => l > {{m}}).Sum();
                        var text = string.Join(":", _lines.Select(l => l.ToString()));
                        var parts = text.Split(':');
                        return parts.Length > 2 ? sum * (1 + tax) : sum;
                    }

                    public string Label{{m}}(string name, int count) => $"{name}:{count}";

                """);
        }

        s.AppendLine("}");
        return s.ToString();
    }
}
