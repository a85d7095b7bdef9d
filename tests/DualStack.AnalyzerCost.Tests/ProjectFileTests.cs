using DualStack.AnalyzerCost;

namespace DualStack.AnalyzerCost.Tests;

public sealed class ProjectFileTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "analyzercost-" + Guid.NewGuid().ToString("N"));

    public ProjectFileTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Sdk_project_takes_its_folder_minus_bin_obj_nested_projects_and_removed_items()
    {
        Write("Directory.Build.props", "<Project><PropertyGroup><Targets>net8.0;net472</Targets><Nullable>enable</Nullable></PropertyGroup></Project>");
        Write("App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup><TargetFrameworks>$(Targets)</TargetFrameworks><AssemblyName>My.App</AssemblyName><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup>
                <Compile Remove="Legacy/**" />
                <Compile Include="../Shared/*.cs" />
                <Compile Include="Conditional/**" Condition="'$(TargetFramework)' == 'net472'" />
                <ProjectReference Include="..\Lib\Lib.csproj" />
              </ItemGroup>
            </Project>
            """);
        Write("App/Program.cs", "");
        Write("App/Net/Listener.cs", "");
        Write("App/Legacy/Old.cs", "");
        Write("App/bin/Generated.cs", "");
        Write("App/obj/AssemblyInfo.cs", "");
        Write("App/Tool/Tool.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        Write("App/Tool/ToolMain.cs", "");
        Write("Shared/Common.cs", "");
        Write("Shared/Deeper/NotIncluded.cs", "");

        var directories = new HashSet<string> { Full("App"), Full("App/Tool") };
        var project = ProjectFile.Load(Full("App/App.csproj"), _root, directories);

        Assert.Equal([Full("App/Net/Listener.cs"), Full("App/Program.cs"), Full("Shared/Common.cs")], project.Sources);
        Assert.Equal([Full("Lib/Lib.csproj")], project.ProjectReferences);
        Assert.Equal(["net8.0", "net472"], project.TargetFrameworks);
        Assert.Equal("My.App", project.AssemblyName);
        Assert.Contains("System.Linq", project.Usings.Select(u => u.Name));
        Assert.Contains("Microsoft.AspNetCore.Builder", project.Usings.Select(u => u.Name));
        Assert.True(project.Nullable);
    }

    [Fact]
    public void Old_style_project_takes_only_its_listed_files_and_framework_version()
    {
        Write("Old/Old.csproj", """
            <Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <PropertyGroup><TargetFrameworkVersion>v4.6.1</TargetFrameworkVersion></PropertyGroup>
              <ItemGroup><Compile Include="Server\HttpServer.cs" /></ItemGroup>
            </Project>
            """);
        Write("Old/Server/HttpServer.cs", "");
        Write("Old/Unlisted.cs", "");

        var project = ProjectFile.Load(Full("Old/Old.csproj"), _root, new HashSet<string> { Full("Old") });

        Assert.Equal([Full("Old/Server/HttpServer.cs")], project.Sources);
        Assert.Equal(["net461"], project.TargetFrameworks);
        Assert.Equal("Old", project.AssemblyName);
    }

    [Theory]
    [InlineData("**/*.cs", "a/b/c.cs", true)]
    [InlineData("**/*.cs", "c.cs", true)]
    [InlineData("*.cs", "a/c.cs", false)]
    [InlineData("Net/Socket?.cs", "Net/Socket1.cs", true)]
    [InlineData("Net/Socket?.cs", "Net/Socket12.cs", false)]
    public void Globs_match_like_msbuild_items(string glob, string path, bool matches) =>
        Assert.Equal(matches, Glob.ToRegex(glob).IsMatch(path));

    [Theory]
    [InlineData("net461", ".NETFramework")]
    [InlineData("net48", ".NETFramework")]
    [InlineData("netstandard2.0", ".NETStandard")]
    [InlineData("netcoreapp3.1", ".NETCoreApp")]
    [InlineData("net8.0", ".NETCoreApp")]
    [InlineData("net10.0-windows", ".NETCoreApp")]
    public void Target_framework_identifier_is_the_one_msbuild_gives_the_analyzers(string moniker, string identifier) =>
        Assert.Equal(identifier, CompilationBuilder.FrameworkIdentifier(moniker));

    [Theory]
    [InlineData("net472", "NETFRAMEWORK NET472 NET20_OR_GREATER NET462_OR_GREATER NET472_OR_GREATER", "NET48_OR_GREATER NETSTANDARD")]
    [InlineData("netstandard2.0", "NETSTANDARD NETSTANDARD2_0 NETSTANDARD1_6_OR_GREATER NETSTANDARD2_0_OR_GREATER", "NETSTANDARD2_1_OR_GREATER NETFRAMEWORK")]
    [InlineData("net8.0", "NET NETCOREAPP NET8_0 NET5_0_OR_GREATER NET8_0_OR_GREATER NETCOREAPP3_1_OR_GREATER", "NET9_0_OR_GREATER NET10_0")]
    [InlineData("net10.0-windows", "NET10_0 NET10_0_OR_GREATER", "NET11_0_OR_GREATER")]
    public void Framework_symbols_are_the_sdks(string moniker, string defined, string notDefined)
    {
        var symbols = FrameworkSymbols.For(moniker).ToList();
        Assert.All(defined.Split(' '), s => Assert.Contains(s, symbols));
        Assert.All(notDefined.Split(' '), s => Assert.DoesNotContain(s, symbols));
    }

    [Theory]
    [InlineData("net472;netstandard2.0;net8.0", "net8.0")]
    [InlineData("net461;netstandard2.0;netstandard2.1", "netstandard2.1")]
    [InlineData("net10.0;net8.0", "net10.0")]
    [InlineData("net48", "net48")]
    public void The_compiled_framework_is_the_one_closest_to_the_reference_packs(string frameworks, string compiled) =>
        Assert.Equal(compiled, ProjectFile.ChooseCompiledFramework(frameworks.Split(';')));

    private string Full(string relative) => Path.GetFullPath(Path.Combine(_root, relative));

    private void Write(string relative, string text)
    {
        var path = Full(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
