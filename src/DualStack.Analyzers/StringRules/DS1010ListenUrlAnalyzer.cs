using System.Collections.Immutable;
using DualStack.Analyzers.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace DualStack.Analyzers.StringRules;

/// <summary>
/// DS1010: a <c>0.0.0.0</c> host in a Kestrel listen URL. Kestrel binds exactly that IPv4 address, while the
/// <c>*</c> host binds <c>[::]</c> (dual mode) and falls back to <c>0.0.0.0</c> where IPv6 is disabled.
/// C#: <c>UseUrls</c>, <c>UseSetting("urls", …)</c>, <c>WebApplication.Urls.Add</c>, <c>IServerAddressesFeature.Addresses.Add</c>,
/// <c>app.Run(url)</c>/<c>RunAsync(url)</c>, <c>WebHost.Start(url, …)</c>, <c>configuration["urls"]</c>, and <c>Environment.SetEnvironmentVariable</c> of <c>ASPNETCORE_URLS</c>,
/// <c>URLS</c> or <c>DOTNET_URLS</c>. AdditionalFiles: <c>appsettings*.json</c> (<c>urls</c>,
/// <c>Kestrel:Endpoints:*:Url</c>) and <c>launchSettings.json</c> (<c>profiles:*:applicationUrl</c> and the URL
/// variables of <c>environmentVariables</c>), and Dockerfiles (<c>ENV ASPNETCORE_URLS=…</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DS1010ListenUrlAnalyzer : DiagnosticAnalyzer
{
    internal const string IPv4Wildcard = "0.0.0.0";
    internal const string DualStackWildcard = "*";

    private static readonly ImmutableHashSet<string> UrlVariables =
        ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "ASPNETCORE_URLS", "URLS", "DOTNET_URLS");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DS1010);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterAdditionalFileAction(AnalyzeSettingsFile);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = StringRuleSymbols.Create(start.Compilation);
            if (symbols.WebHostBuilderExtensions is null && symbols.WebApplication is null && symbols.IWebHostBuilder is null
                && symbols.IServerAddressesFeature is null && symbols.Environment is null && symbols.IConfiguration is null)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeConfigurationAssignment(c, symbols), OperationKind.SimpleAssignment);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, StringRuleSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        foreach (var url in ListenUrlArguments(invocation, symbols))
        {
            ReportWildcardHosts(context, url);
        }
    }

    /// <summary><c>configuration["urls"] = …</c>: the host reads its listen URLs from that key.</summary>
    private static void AnalyzeConfigurationAssignment(OperationAnalysisContext context, StringRuleSymbols symbols)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer
            && symbols.IsConfiguration(indexer.Property.ContainingType)
            && indexer.Arguments[0].Value.ConstantValue.Value is string key
            && (string.Equals(key, "urls", StringComparison.OrdinalIgnoreCase) || UrlVariables.Contains(key)))
        {
            ReportWildcardHosts(context, assignment.Value);
        }
    }

    /// <summary>The arguments of <paramref name="invocation"/> that Kestrel reads as listen URLs.</summary>
    internal static IEnumerable<IOperation> ListenUrlArguments(IInvocationOperation invocation, StringRuleSymbols symbols)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (StringRuleSymbols.Is(type, symbols.WebHostBuilderExtensions) && method.Name == "UseUrls")
        {
            return StringPieces.ExpandArguments(invocation).Skip(1);
        }

        if (StringRuleSymbols.Is(type, symbols.IWebHostBuilder) && method.Name == "UseSetting" && invocation.Arguments.Length == 2
            && invocation.Arguments[0].Value.ConstantValue.Value is string key && string.Equals(key, "urls", StringComparison.OrdinalIgnoreCase))
        {
            return [invocation.Arguments[1].Value];
        }

        if (StringRuleSymbols.Is(type, symbols.WebApplication) && method.Name is "Run" or "RunAsync"
            && invocation.Arguments.Length == 1 && invocation.Arguments[0].Parameter?.Type.SpecialType == SpecialType.System_String)
        {
            return [invocation.Arguments[0].Value];
        }

        if (StringRuleSymbols.Is(type, symbols.WebHost) && method.Name is "Start" or "StartWith"
            && invocation.Arguments.FirstOrDefault(a => a.Parameter is { Name: "url", Type.SpecialType: SpecialType.System_String }) is { } urlArgument)
        {
            return [urlArgument.Value];
        }

        if (StringRuleSymbols.Is(type, symbols.Environment) && method.Name == "SetEnvironmentVariable" && invocation.Arguments.Length >= 2
            && invocation.Arguments[0].Value.ConstantValue.Value is string name && UrlVariables.Contains(name))
        {
            return [invocation.Arguments[1].Value];
        }

        if (method.Name == "Add" && invocation.Arguments.Length == 1
            && invocation.Instance?.WalkDownConversions() is IPropertyReferenceOperation collection
            && ((StringRuleSymbols.Is(collection.Property.ContainingType, symbols.WebApplication) && collection.Property.Name == "Urls")
                || (StringRuleSymbols.Is(collection.Property.ContainingType, symbols.IServerAddressesFeature) && collection.Property.Name == "Addresses")))
        {
            return [invocation.Arguments[0].Value];
        }

        return [];
    }

    private static void ReportWildcardHosts(OperationAnalysisContext context, IOperation value)
    {
        var pieces = StringPieces.From(value);
        if (pieces is null)
        {
            return;
        }

        foreach (var host in HostText.UrlHosts(pieces.Text))
        {
            if (string.CompareOrdinal(pieces.Text, host.Start, IPv4Wildcard, 0, host.Length) != 0 || host.Length != IPv4Wildcard.Length)
            {
                continue;
            }

            var url = pieces.Display(host.UrlStart, host.UrlLength);
            context.ReportDiagnostic(StringDiagnostics.Create(
                Descriptors.DS1010, value, pieces, host.Start, host.Length, url, ReplaceFirst(url, IPv4Wildcard, DualStackWildcard)));
        }
    }

    private static void AnalyzeSettingsFile(AdditionalFileAnalysisContext context)
    {
        var path = context.AdditionalFile.Path;
        var kind = DS1010ListenUrlSettings.Classify(path);
        var isDockerfile = kind == SettingsFileKind.None && DS1010DockerfileUrls.IsDockerfile(path);
        if (kind == SettingsFileKind.None && !isDockerfile)
        {
            return;
        }

        var text = context.AdditionalFile.GetText(context.CancellationToken);
        if (text is null)
        {
            return;
        }

        var content = text.ToString();
        if (isDockerfile)
        {
            foreach (var (start, value) in DS1010DockerfileUrls.Values(content))
            {
                ReportInFile(context, text, value, i => start + i);
            }

            return;
        }

        foreach (var node in DS1010ListenUrlSettings.UrlValues(JsonReader.Parse(content), kind))
        {
            var offsets = node.SourceOffsets;
            ReportInFile(context, text, node.StringValue ?? string.Empty, i => i < offsets.Count ? offsets[i] : -1);
        }
    }

    /// <summary>Reports each 0.0.0.0 host of a URL list read from a file; <paramref name="sourceOffset"/> maps value indexes to file offsets.</summary>
    private static void ReportInFile(AdditionalFileAnalysisContext context, SourceText text, string value, Func<int, int> sourceOffset)
    {
        foreach (var host in HostText.UrlHosts(value))
        {
            if (host.Length != IPv4Wildcard.Length || string.CompareOrdinal(value, host.Start, IPv4Wildcard, 0, host.Length) != 0)
            {
                continue;
            }

            var start = sourceOffset(host.Start);
            var last = sourceOffset(host.Start + host.Length - 1);
            if (start < 0 || last < start || last >= text.Length)
            {
                continue;
            }

            var span = TextSpan.FromBounds(start, last + 1);
            var location = Location.Create(context.AdditionalFile.Path, span, text.Lines.GetLinePositionSpan(span));
            var url = value.Substring(host.UrlStart, host.UrlLength);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.DS1010, location, url, ReplaceFirst(url, IPv4Wildcard, DualStackWildcard)));
        }
    }

    private static string ReplaceFirst(string text, string oldValue, string newValue)
    {
        var index = text.IndexOf(oldValue, StringComparison.Ordinal);
        return index < 0 ? text : text.Substring(0, index) + newValue + text.Substring(index + oldValue.Length);
    }
}
