namespace DualStack.Analyzers.Tests.Stubs;

/// <summary>
/// Minimal ASP.NET Core hosting and gRPC types for the string and URL rules (DS1008–DS1016), with the real
/// namespaces and signatures, so tests need no framework reference beyond .NET 8.
/// </summary>
internal static class StringRuleStubs
{
    public const string Source = """
        #nullable enable
        namespace Microsoft.AspNetCore.Hosting
        {
            public interface IWebHostBuilder
            {
                IWebHostBuilder UseSetting(string key, string? value);
            }

            public static class HostingAbstractionsWebHostBuilderExtensions
            {
                public static IWebHostBuilder UseUrls(this IWebHostBuilder hostBuilder, params string[] urls) => hostBuilder;
            }
        }

        namespace Microsoft.AspNetCore.Builder
        {
            public sealed class WebApplication
            {
                public System.Collections.Generic.ICollection<string> Urls => new System.Collections.Generic.List<string>();
                public void Run(string? url = null) { }
                public System.Threading.Tasks.Task RunAsync(string? url = null) => System.Threading.Tasks.Task.CompletedTask;
                public static WebApplicationBuilder CreateBuilder(string[] args) => new WebApplicationBuilder();
            }

            public sealed class WebApplicationBuilder
            {
                public Microsoft.AspNetCore.Hosting.IWebHostBuilder WebHost => null!;
                public WebApplication Build() => new WebApplication();
            }
        }

        namespace Microsoft.AspNetCore
        {
            public static class WebHost
            {
                public static object Start(string url, System.Func<object, System.Threading.Tasks.Task> app) => new object();
                public static object StartWith(string url, System.Action<object> app) => new object();
            }
        }

        namespace Microsoft.AspNetCore.Hosting.Server.Features
        {
            public interface IServerAddressesFeature
            {
                System.Collections.Generic.ICollection<string> Addresses { get; }
                bool PreferHostingUrls { get; set; }
            }
        }

        namespace Microsoft.Extensions.Configuration
        {
            public interface IConfiguration
            {
                string? this[string key] { get; set; }
            }
        }

        namespace Grpc.Net.Client
        {
            public sealed class GrpcChannel
            {
                public static GrpcChannel ForAddress(string address) => new GrpcChannel();
                public static GrpcChannel ForAddress(System.Uri address) => new GrpcChannel();
            }
        }
        """;
}
