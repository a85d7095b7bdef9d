using DualStack.Analyzers.StringRules;
using DualStack.Analyzers.Tests.Verifiers;
using DualStack.CodeFixes.StringRules;
using Microsoft.CodeAnalysis.Testing;
using Verify = DualStack.Analyzers.Tests.Verifiers.StringRuleVerifier<DualStack.Analyzers.StringRules.DS1010ListenUrlAnalyzer>;

namespace DualStack.Analyzers.Tests.StringRules;

public sealed class DS1010Tests
{
    private const string Usings = """
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.AspNetCore.Hosting.Server.Features;

        """;

    [Fact]
    public async Task UseUrls_with_IPv4_wildcard_is_reported_and_fixed()
    {
        await Verify.VerifyFixAsync<DS1010ListenUrlFixer>(Usings + """
            class C
            {
                void M(IWebHostBuilder builder) => builder.UseUrls("http://{|DS1010:0.0.0.0|}:5000", "https://{|DS1010:0.0.0.0|}:5001");
            }
            """, Usings + """
            class C
            {
                void M(IWebHostBuilder builder) => builder.UseUrls("http://*:5000", "https://*:5001");
            }
            """);
    }

    [Fact]
    public async Task Urls_Add_and_Run_through_a_local_and_an_interpolation_are_reported_and_fixed()
    {
        await Verify.VerifyFixAsync<DS1010ListenUrlFixer>(Usings + """
            class C
            {
                void M(WebApplication app, int port)
                {
                    var url = "http://{|#1:0.0.0.0|}:8080";
                    app.Urls.Add({|#0:url|});
                    app.Urls.Add($"http://{|DS1010:0.0.0.0|}:{port}");
                    app.Run("http://{|DS1010:0.0.0.0|}:80;http://localhost:81");
                    app.Urls.Add(@"http://{|DS1010:0.0.0.0|}:82");
                }
            }
            """, Usings + """
            class C
            {
                void M(WebApplication app, int port)
                {
                    var url = "http://*:8080";
                    app.Urls.Add(url);
                    app.Urls.Add($"http://*:{port}");
                    app.Run("http://*:80;http://localhost:81");
                    app.Urls.Add(@"http://*:82");
                }
            }
            """,
            Verify.Diagnostic("DS1010").WithLocation(0).WithLocation(1).WithArguments("http://0.0.0.0:8080", "http://*:8080"));
    }

    [Fact]
    public async Task Environment_variables_settings_and_server_addresses_are_reported()
    {
        await Verify.VerifyAsync(Usings + """
            class C
            {
                void M(IWebHostBuilder builder, IServerAddressesFeature feature)
                {
                    Environment.SetEnvironmentVariable("ASPNETCORE_URLS", "http://{|DS1010:0.0.0.0|}:8080");
                    Environment.SetEnvironmentVariable("DOTNET_URLS", "http://" + "{|DS1010:0.0.0.0|}" + ":8080");
                    builder.UseSetting("urls", "http://{|DS1010:0.0.0.0|}:8080");
                    feature.Addresses.Add("http://{|DS1010:0.0.0.0|}:9090");
                }

                void N(Microsoft.Extensions.Configuration.IConfiguration configuration)
                {
                    configuration["urls"] = "http://{|DS1010:0.0.0.0|}:8080";
                    configuration["Logging:Url"] = "http://0.0.0.0:8080";
                    Microsoft.AspNetCore.WebHost.Start("http://{|DS1010:0.0.0.0|}:8080", context => System.Threading.Tasks.Task.CompletedTask);
                }
            }
            """);
    }

    [Fact]
    public async Task Dual_stack_hosts_and_other_strings_are_not_reported()
    {
        await Verify.VerifyAsync(Usings + """
            class C
            {
                const string Log = "listening on http://0.0.0.0:5000";
                void M(IWebHostBuilder builder, WebApplication app)
                {
                    builder.UseUrls("http://*:5000", "http://+:5001", "http://[::]:5002", "http://localhost:5003");
                    Console.WriteLine("http://0.0.0.0:5000");
                    Environment.SetEnvironmentVariable("OTHER_URL", "http://0.0.0.0:5000");
                    builder.UseSetting("environment", "http://0.0.0.0:5000");
                    app.Run("http://10.0.0.0:80");
                    app.Urls.Add("0.0.0.0");
                }
            }
            """);
    }

    private const string AppSettings = """
        {
          // comments and trailing commas are allowed in configuration files
          "urls": "http://{|DS1010:0.0.0.0|}:5000;http://localhost:5001",
          "Kestrel": {
            "Endpoints": {
              "Http": { "Url": "http://{|DS1010:0.0.0.0|}:8080" },
              "Https": { "Url": "https://*:8443", },
            },
          },
          "Logging": { "Url": "http://0.0.0.0:1" }
        }
        """;

    private const string LaunchSettings = """
        {
          "profiles": {
            "web": {
              "commandName": "Project",
              "applicationUrl": "https://localhost:7001;http://{|DS1010:0.0.0.0|}:5000",
              "environmentVariables": { "ASPNETCORE_URLS": "http://{|DS1010:0.0.0.0|}:6000", "OTHER": "http://0.0.0.0:1" }
            }
          }
        }
        """;

    [Fact]
    public async Task Settings_files_are_reported_at_the_host()
    {
        await Verify.VerifyAsync(
            "class C { }",
            [("/0/appsettings.Development.json", AppSettings), ("/0/Properties/launchSettings.json", LaunchSettings)]);
    }

    [Fact]
    public async Task Settings_files_are_fixed_one_diagnostic_at_a_time()
    {
        var fixedText = await AdditionalFileFixRunner.FixAllOneByOneAsync<DS1010ListenUrlAnalyzer, DS1010ListenUrlFixer>(
            "/0/appsettings.Development.json", Unmark(AppSettings));
        Assert.Equal(AppSettings.Replace("{|DS1010:0.0.0.0|}", "*", StringComparison.Ordinal), fixedText);

        fixedText = await AdditionalFileFixRunner.FixAllOneByOneAsync<DS1010ListenUrlAnalyzer, DS1010ListenUrlFixer>(
            "/0/Properties/launchSettings.json", Unmark(LaunchSettings));
        Assert.Equal(LaunchSettings.Replace("{|DS1010:0.0.0.0|}", "*", StringComparison.Ordinal), fixedText);
    }

    private const string Dockerfile = """
        FROM mcr.microsoft.com/dotnet/aspnet:8.0
        ENV ASPNETCORE_URLS=http://{|DS1010:0.0.0.0|}:8080
        env DOTNET_URLS "http://{|DS1010:0.0.0.0|}:9090"
        ENV OTHER=http://0.0.0.0:1 URLS='http://{|DS1010:0.0.0.0|}:7070;http://localhost:7071'
        # ENV ASPNETCORE_URLS=http://0.0.0.0:1
        RUN echo http://0.0.0.0:8080
        ENV ASPNETCORE_HTTP_PORTS=8080
        """;

    [Fact]
    public async Task Dockerfile_env_instructions_are_reported_and_fixed()
    {
        await Verify.VerifyAsync("class C { }", [("/0/Dockerfile", Dockerfile), ("/0/build.Dockerfile", "ENV URLS=http://{|DS1010:0.0.0.0|}:1")]);

        var fixedText = await AdditionalFileFixRunner.FixAllOneByOneAsync<DS1010ListenUrlAnalyzer, DS1010ListenUrlFixer>("/0/Dockerfile", Unmark(Dockerfile));
        Assert.Equal(Dockerfile.Replace("{|DS1010:0.0.0.0|}", "*", StringComparison.Ordinal), fixedText);
    }

    private static string Unmark(string markup) => markup.Replace("{|DS1010:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal);

    [Fact]
    public async Task Other_json_files_and_malformed_json_do_not_throw()
    {
        await Verify.VerifyAsync(
            "class C { }",
            [
                ("/0/config.json", """{ "urls": "http://0.0.0.0:5000" }"""),
                ("/0/appsettings.json", """{ "urls": "http://{|DS1010:0.0.0.0|}:5000 """),
                ("/0/appsettings.Production.json", """{ "Kestrel": { "Endpoints": [ "http://0.0.0.0:1" ] }, "urls": 5 , """),
                ("/0/launchSettings.json", "\"profiles\" /* unterminated"),
            ]);
    }

    [Fact]
    public async Task Incomplete_code_does_not_throw()
    {
        await Verify.VerifyIncompleteAsync(Usings + """
            class C
            {
                void M(IWebHostBuilder builder, WebApplication app)
                {
                    builder.UseUrls("http://{|DS1010:0.0.0.0|}:5000")
                    app.Urls.Add(
                    builder.UseUrls(Missing.Url, );
                    Environment.SetEnvironmentVariable(UnknownName, "http://0.0.0.0:1")
                }
            }
            """);
    }

    [Fact]
    public async Task A_wildcard_covered_by_an_IPv6_wildcard_on_the_same_port_is_silent_as_in_the_listen_model()
    {
        await Verify.VerifyAsync(Usings + """
            class C
            {
                void M(WebApplication app)
                {
                    app.Run("http://0.0.0.0:80;http://[::]:80");
                    app.Urls.Add("http://{|DS1010:0.0.0.0|}:81;http://[::]:82");
                }
            }
            """);
    }
}
