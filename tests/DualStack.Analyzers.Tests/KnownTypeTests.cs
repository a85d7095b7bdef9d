using DualStack.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace DualStack.Analyzers.Tests;

/// <summary>
/// <see cref="KnownType"/> replaces per-compilation <c>GetTypeByMetadataName</c> lookups, so it must give the same
/// answer: the framework type and only it, by namespace and metadata name.
/// </summary>
public sealed class KnownTypeTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.Net.Sockets;

        namespace MyApp
        {
            public class Socket { }
            public class Outer { public class IPAddress { } }
            public class Uses
            {
                public System.Net.Sockets.Socket Framework;
                public Socket Own;
                public Outer.IPAddress Nested;
                public System.Net.IPAddress Address;
                public List<int> Numbers;
                public TcpClient Client;
                public Missing.Socket Unbound;
            }
        }

        namespace System.Net.Sockets.Extra
        {
            public class Socket { }
            public class Holder { public Socket Deeper; }
        }

        public class Socket { }
        public class GlobalHolder { public Socket Global; }
        """;

    [Theory]
    [InlineData("Framework", "System.Net.Sockets.Socket", true)]
    [InlineData("Own", "System.Net.Sockets.Socket", false)]
    [InlineData("Deeper", "System.Net.Sockets.Socket", false)]
    [InlineData("Global", "System.Net.Sockets.Socket", false)]
    [InlineData("Unbound", "System.Net.Sockets.Socket", false)]
    [InlineData("Nested", "System.Net.IPAddress", false)]
    [InlineData("Address", "System.Net.IPAddress", true)]
    [InlineData("Address", "System.Net.Sockets.IPAddress", false)]
    [InlineData("Numbers", "System.Collections.Generic.List`1", true)]
    [InlineData("Numbers", "System.Collections.Generic.List", false)]
    [InlineData("Global", "Socket", true)]
    [InlineData("Own", "Socket", false)]
    public async Task Matches_the_type_of_that_full_name_only(string field, string fullName, bool expected)
    {
        var compilation = await CompileAsync();
        var type = FieldType(compilation, field);
        Assert.Equal(expected, new KnownType(fullName).Matches(type));
    }

    [Fact]
    public async Task Agrees_with_GetTypeByMetadataName_on_every_framework_type_used()
    {
        var compilation = await CompileAsync();
        foreach (var field in new[] { "Framework", "Address", "Client" })
        {
            var type = FieldType(compilation, field);
            var fullName = type.ContainingNamespace.ToDisplayString() + "." + type.MetadataName;
            Assert.True(SymbolEqualityComparer.Default.Equals(compilation.GetTypeByMetadataName(fullName), type));
            Assert.True(new KnownType(fullName).Matches(type));
        }
    }

    [Fact]
    public async Task MatchesOrBase_follows_base_types()
    {
        var compilation = await CompileAsync("public class MyListener : System.Net.Sockets.TcpListener { public MyListener() : base(0) { } }");
        var derived = compilation.GetTypeByMetadataName("MyListener")!;
        Assert.True(new KnownType("System.Net.Sockets.TcpListener").MatchesOrBase(derived));
        Assert.False(new KnownType("System.Net.Sockets.TcpListener").Matches(derived));
        Assert.False(new KnownType("System.Net.Sockets.TcpClient").MatchesOrBase(derived));
        Assert.False(new KnownType("System.Net.Sockets.TcpClient").Matches(null));
    }

    [Fact]
    public async Task KnownMember_matches_the_member_of_the_known_type_only()
    {
        var compilation = await CompileAsync("""
            public static class Addresses { public static readonly System.Net.IPAddress Any = System.Net.IPAddress.Loopback; }
            public class Uses { public object A = System.Net.IPAddress.Any; public object B = Addresses.Any; }
            """);
        var any = new KnownMember(new KnownType("System.Net.IPAddress"), "Any");
        var framework = compilation.GetTypeByMetadataName("System.Net.IPAddress")!.GetMembers("Any").Single();
        var own = compilation.GetTypeByMetadataName("Addresses")!.GetMembers("Any").Single();
        var loopback = compilation.GetTypeByMetadataName("System.Net.IPAddress")!.GetMembers("Loopback").Single();
        Assert.True(any.Matches(framework));
        Assert.False(any.Matches(own));
        Assert.False(any.Matches(loopback));
        Assert.False(any.Matches(null));
    }

    private static async Task<Compilation> CompileAsync(string source = Source)
    {
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return CSharpCompilation.Create("KnownTypes", [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    private static ITypeSymbol FieldType(Compilation compilation, string field) =>
        compilation.GetSymbolsWithName(field, SymbolFilter.Member).OfType<IFieldSymbol>().Single().Type;
}
