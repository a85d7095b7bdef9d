using System.Net.Sockets;

// The dual-stack counterpart of samples/WebApp: builds with no DualStack Lint findings.
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(options => options.ListenAnyIP(8080));

var app = builder.Build();
app.MapGet("/", () => "hello");

// TcpListener.Create binds [::] in dual mode, and falls back to IPv4 when the host has no IPv6.
var listener = TcpListener.Create(9000);
listener.Start();

app.Run();
