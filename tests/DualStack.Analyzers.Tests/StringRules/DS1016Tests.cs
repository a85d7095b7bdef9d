using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Verify = DualStack.Analyzers.Tests.Verifiers.StringRuleVerifier<DualStack.Analyzers.StringRules.DS1016HttpListenerPrefixAnalyzer>;

namespace DualStack.Analyzers.Tests.StringRules;

public sealed class DS1016Tests
{
    [Fact]
    public async Task Wildcard_prefixes_are_reported_at_the_host()
    {
        await Verify.VerifyAsync("""
            using System.Net;
            class C
            {
                void M(HttpListener listener, int port)
                {
                    listener.Prefixes.Add("http://{|DS1016:*|}:8080/");
                    listener.Prefixes.Add("https://{|DS1016:+|}:8443/api/");
                    listener.Prefixes.Add($"http://{|DS1016:+|}:{port}/");
                    listener.Prefixes.Add("http://" + "{|DS1016:*|}" + ":" + port + "/");
                }
            }
            """);
    }

    [Fact]
    public async Task Prefix_in_a_local_is_reported_at_the_use_with_the_host_as_additional_location()
    {
        await Verify.VerifyAsync("""
            using System.Net;
            class C
            {
                void M(HttpListener listener)
                {
                    var prefix = "http://{|#1:*|}:8080/";
                    listener.Prefixes.Add({|#0:prefix|});
                }
            }
            """,
            Verify.Diagnostic("DS1016").WithLocation(0).WithLocation(1).WithArguments("http://*:8080/"));
    }

    [Fact]
    public async Task Prefixes_in_readonly_fields_and_fields_set_in_the_member_are_followed()
    {
        await Verify.VerifyAsync("""
            using System.Net;
            class C
            {
                private readonly string _prefix = "http://{|#1:*|}:8080/";
                private string _other = "";
                void M(HttpListener listener)
                {
                    listener.Prefixes.Add({|#0:_prefix|});
                    _other = "http://{|#3:+|}:9090/";
                    listener.Prefixes.Add({|#2:_other|});
                }
            }
            """,
            Verify.Diagnostic("DS1016").WithLocation(0).WithLocation(1).WithArguments("http://*:8080/"),
            Verify.Diagnostic("DS1016").WithLocation(2).WithLocation(3).WithArguments("http://+:9090/"));
    }

    [Fact]
    public async Task Named_hosts_and_other_collections_are_not_reported()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Net;
            class C
            {
                const string Log = "http://*:8080/";
                void M(HttpListener listener, List<string> urls, string configured)
                {
                    listener.Prefixes.Add("http://localhost:8080/");
                    listener.Prefixes.Add("http://api.example.com:8080/");
                    listener.Prefixes.Add(configured);
                    urls.Add("http://*:8080/");
                    Console.WriteLine("http://+:8080/");
                    _ = listener.Prefixes.Contains("http://*:8080/");
                }
            }
            """);
    }

    private const string WildcardListener = """
        class C
        {
            void M(System.Net.HttpListener listener) => listener.Prefixes.Add("http://+:8080/");
        }
        """;

    [Fact]
    public async Task Windows_target_frameworks_are_not_reported()
    {
        var test = new CSharpAnalyzerTest<DualStack.Analyzers.StringRules.DS1016HttpListenerPrefixAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = WildcardListener,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
            is_global = true
            build_property.TargetFramework = net8.0-windows10.0.19041.0
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task Dotnet_framework_is_not_reported()
    {
        await new CSharpAnalyzerTest<DualStack.Analyzers.StringRules.DS1016HttpListenerPrefixAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.NetFramework.Net472.Default,
            TestCode = WildcardListener,
        }.RunAsync();
    }

    [Fact]
    public async Task Incomplete_code_does_not_throw()
    {
        await Verify.VerifyIncompleteAsync("""
            using System.Net;
            class C
            {
                void M(HttpListener listener)
                {
                    listener.Prefixes.Add("http://{|DS1016:*|}:8080/")
                    listener.Prefixes.Add(
                    listener.Prefixes.Add(Unknown.Prefix, 3);
                    new HttpListener { Prefixes = { "http://{|DS1016:*|}:1/" } }
                }
            }
            """);
    }
}
