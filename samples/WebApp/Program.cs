using System.Net;
using System.Net.Sockets;

// A small service with the IPv4-only habits DualStack Lint finds.
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls("http://0.0.0.0:8080");

var app = builder.Build();
app.MapGet("/", () => "hello");

// A side channel for health pings, bound to the IPv4 wildcard only.
var listener = new TcpListener(IPAddress.Any, 9000);
listener.Start();

app.Run();
