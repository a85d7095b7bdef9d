using DualStack.AnalyzerCost;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DualStack.AnalyzerCost.Tests;

/// <summary>
/// The settings a real build takes from imported props files and the SDK: implicit usings, Using items, Nullable,
/// LangVersion and the DefineConstants of the target framework the tool compiles. Each fixture is a small project
/// written to a temporary folder, shaped like the repositories where the tool got them wrong (Steeltoe imports its
/// shared.props with ImplicitUsings from every csproj).
/// </summary>
public sealed class ProjectSettingsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "analyzercost-settings-" + Guid.NewGuid().ToString("N"));

    public ProjectSettingsTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Implicit_usings_from_an_imported_props_file_reach_the_compilation()
    {
        Write("shared.props", """
            <Project>
              <PropertyGroup><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable><LangVersion>latest</LangVersion></PropertyGroup>
            </Project>
            """);
        Write("src/Common/Common.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFrameworks>net10.0;net8.0</TargetFrameworks></PropertyGroup>
              <Import Project="..\..\shared.props" />
            </Project>
            """);
        Write("src/Common/Resolver.cs", """
            namespace Common;
            public static class Resolver
            {
                public static string? First(System.Net.IPAddress[] all) =>
                    Array.Find(all, a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)?.ToString();
            }
            """);

        var project = Load("src/Common/Common.csproj");

        Assert.Contains("System", project.Usings.Select(u => u.Name));
        Assert.Contains("System.Linq", project.Usings.Select(u => u.Name));
        Assert.True(project.Nullable);
        var compilation = Compile(project);
        Assert.DoesNotContain(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Props_imported_through_MSBuildThisFileDirectory_and_a_Directory_Build_props_chain_are_read()
    {
        // Outer props: reached only because the inner Directory.Build.props imports it (as MSBuild does: the first
        // Directory.Build.props found going up is the only one read automatically).
        Write("Directory.Build.props", """
            <Project>
              <PropertyGroup><DefineConstants>$(DefineConstants);FROM_OUTER</DefineConstants></PropertyGroup>
              <Import Project="$(MSBuildThisFileDirectory)build/usings.props" />
            </Project>
            """);
        Write("build/usings.props", """
            <Project>
              <PropertyGroup><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup>
                <Using Include="System.Net" />
                <Using Include="System.Net.Sockets.AddressFamily" Alias="Family" />
                <Using Include="System.Math" Static="true" />
              </ItemGroup>
            </Project>
            """);
        Write("src/Directory.Build.props", """
            <Project>
              <Import Project="$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))" />
              <PropertyGroup><DefineConstants>$(DefineConstants);FROM_INNER</DefineConstants></PropertyGroup>
            </Project>
            """);
        // A Using Remove works in the project file (the SDK adds its implicit usings after Directory.Build.props is read).
        Write("src/Lib/Lib.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
              <ItemGroup><Using Remove="System.Net.Http" /></ItemGroup>
            </Project>
            """);
        Write("src/Lib/Code.cs", """
            namespace Lib;
            public static class Code
            {
            #if FROM_OUTER && FROM_INNER
                public static bool V4(IPAddress a) => a.AddressFamily == Family.InterNetwork && Abs(-1) == 1;
            #endif
            }
            """);

        var project = Load("src/Lib/Lib.csproj");

        Assert.Contains("FROM_OUTER", project.DefineConstants);
        Assert.Contains("FROM_INNER", project.DefineConstants);
        Assert.Contains(project.Usings, u => u is { Name: "System.Net.Sockets.AddressFamily", Alias: "Family" });
        Assert.Contains(project.Usings, u => u is { Name: "System.Math", Static: true });
        Assert.DoesNotContain("System.Net.Http", project.Usings.Select(u => u.Name));
        var compilation = Compile(project);
        Assert.DoesNotContain(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("V4", compilation.GetTypeByMetadataName("Lib.Code")!.MemberNames);
    }

    [Fact]
    public void A_Directory_Build_props_that_does_not_import_the_one_above_hides_it()
    {
        Write("Directory.Build.props", "<Project><PropertyGroup><Nullable>enable</Nullable></PropertyGroup></Project>");
        Write("src/Directory.Build.props", "<Project><PropertyGroup><Deterministic>true</Deterministic></PropertyGroup></Project>");
        Write("src/Lib/Lib.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>""");
        Write("src/Lib/Code.cs", "namespace Lib; public static class Code { }");

        Assert.False(Load("src/Lib/Lib.csproj").Nullable);
    }

    [Fact]
    public void Web_sdk_implicit_usings_are_the_sdks_own()
    {
        Write("Web/Web.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
            </Project>
            """);
        Write("Web/Program.cs", "var app = WebApplication.CreateBuilder(args).Build(); app.Run();");

        var project = Load("Web/Web.csproj");

        Assert.Contains("Microsoft.AspNetCore.Builder", project.Usings.Select(u => u.Name));
        Assert.DoesNotContain(Compile(project).GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void DefineConstants_are_those_of_the_target_framework_that_is_compiled()
    {
        Write("Multi/Multi.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFrameworks>net472;netstandard2.0;net8.0</TargetFrameworks><LangVersion>12</LangVersion></PropertyGroup>
              <PropertyGroup Condition="'$(TargetFramework)' == 'net8.0'"><DefineConstants>$(DefineConstants);MODERN</DefineConstants></PropertyGroup>
              <PropertyGroup Condition="'$(TargetFramework)' == 'net472'"><DefineConstants>$(DefineConstants);LEGACY</DefineConstants></PropertyGroup>
              <ItemGroup Condition="'$(TargetFramework)' == 'net472'"><Compile Remove="Modern.cs" /></ItemGroup>
            </Project>
            """);
        Write("Multi/Modern.cs", "namespace Multi; public static class Modern { }");

        var project = Load("Multi/Multi.csproj");

        Assert.Equal("net8.0", project.CompiledFramework);
        Assert.Equal(["net472", "netstandard2.0", "net8.0"], project.TargetFrameworks);
        Assert.Contains("MODERN", project.DefineConstants);
        Assert.Contains("NET8_0", project.DefineConstants);
        Assert.Contains("NET6_0_OR_GREATER", project.DefineConstants);
        Assert.DoesNotContain("LEGACY", project.DefineConstants);
        Assert.DoesNotContain("NET10_0_OR_GREATER", project.DefineConstants);
        Assert.Contains(Full("Multi/Modern.cs"), project.Sources);
        Assert.Equal(LanguageVersion.CSharp12, project.LanguageVersion);
    }

    private ProjectFile Load(string relative)
    {
        var directories = Directory.EnumerateFiles(_root, "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetDirectoryName(Path.GetFullPath(p))!)
            .ToHashSet(StringComparer.Ordinal);
        return ProjectFile.Load(Full(relative), _root, directories);
    }

    private static CSharpCompilation Compile(ProjectFile project)
    {
        var references = CompilationBuilder.ReferencePacks(CompilationBuilder.DefaultDotnetRoot(), out _);
        return new CompilationBuilder(references).Build(project, new Dictionary<string, ProjectFile> { [project.Path] = project });
    }

    private string Full(string relative) => Path.GetFullPath(Path.Combine(_root, relative));

    private void Write(string relative, string text)
    {
        var path = Full(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
