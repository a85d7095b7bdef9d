namespace DualStack.Analyzers.Tests.Sockets;

/// <summary>
/// Minimal Kestrel types with the real namespaces and signatures, so tests need no ASP.NET Core reference pack.
/// Only the members the socket rules match are declared.
/// </summary>
internal static class KestrelStubs
{
    public const string Source = """
        namespace Microsoft.AspNetCore.Server.Kestrel.Core
        {
            public class ListenOptions
            {
                public bool UseHttps { get; set; }
            }

            public class KestrelServerOptions
            {
                public void Listen(System.Net.IPAddress address, int port) { }
                public void Listen(System.Net.IPAddress address, int port, System.Action<ListenOptions> configure) { }
                public void Listen(System.Net.IPEndPoint endPoint) { }
                public void Listen(System.Net.IPEndPoint endPoint, System.Action<ListenOptions> configure) { }
                public void Listen(System.Net.EndPoint endPoint) { }
                public void Listen(System.Net.EndPoint endPoint, System.Action<ListenOptions> configure) { }
                public void ListenAnyIP(int port) { }
                public void ListenAnyIP(int port, System.Action<ListenOptions> configure) { }
                public void ListenLocalhost(int port) { }
            }
        }
        """;
}
