using System.Collections.Immutable;
using DualStack.Analyzers.Json;
using DualStack.Rules.Listening;
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
/// Which variables, keys and files carry listen URLs, what a wildcard is, and what replaces it all come from the
/// engine's listen-URL model (<c>DualStack.Rules.Listening</c>), which the manifest rules (DS2011, DS2030) share; a
/// <c>0.0.0.0</c> URL beside a dual-stack one on the same port (<c>http://0.0.0.0:80;http://[::]:80</c>) is covered.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DS1010ListenUrlAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic property holding the replacement host the model gives (a fix that keeps an IPv4 fallback).</summary>
    internal const string FixHostProperty = "FixHost";

    // A hole (a runtime value) in composed text reads as '1' for the model: a port stays a port, and no host
    // becomes the wildcard "0.0.0.0" because of a value nobody knows.
    private const char HoleStandIn = '1';

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DS1010);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code gets no callbacks (no Analyze flag) and every report lies inside the operation being analyzed,
        // so none can land there; ReportDiagnostics spares Roslyn's per-report generated-code check, which binds the
        // attributes of every declaration of a file on its first report (GeneratedCodeSilenceTests).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterAdditionalFileAction(AnalyzeSettingsFile);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = StringRuleSymbols.Instance;
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
            && ListenVariables.IsAspNetCoreUrlsKey(key))
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
            && invocation.Arguments[0].Value.ConstantValue.Value is string key && string.Equals(key, ListenVariables.UrlsKey, StringComparison.OrdinalIgnoreCase))
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
            && invocation.Arguments[0].Value.ConstantValue.Value is string name && ListenVariables.IsAspNetCoreUrlVariable(name))
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

        var modelText = pieces.Text.Replace(StringPieces.HoleChar, HoleStandIn);
        foreach (var address in ListenWildcards.IPv4Only(ListenAddressParser.ParseUrlList(modelText)))
        {
            var fix = address.Fix();
            var url = pieces.Display(address.Start, address.Length);
            var hostEnd = address.HostStart + address.HostLength;
            var replacement = pieces.Display(address.Start, address.HostStart - address.Start) + fix.Host
                + pieces.Display(hostEnd, address.Start + address.Length - hostEnd);
            context.ReportDiagnostic(StringDiagnostics.Create(
                Descriptors.DS1010, value, pieces, address.HostStart, address.HostLength, FixProperties(fix), url, replacement));
        }
    }

    private static ImmutableDictionary<string, string?> FixProperties(ListenFix fix) =>
        fix.KeepsIPv4Fallback
            ? ImmutableDictionary<string, string?>.Empty.Add(FixHostProperty, fix.Host)
            : ImmutableDictionary<string, string?>.Empty;

    private static void AnalyzeSettingsFile(AdditionalFileAnalysisContext context)
    {
        var path = context.AdditionalFile.Path;
        var kind = ListenSettingsFiles.Classify(path);
        if (kind == ListenSettingsFileKind.None)
        {
            return;
        }

        var text = context.AdditionalFile.GetText(context.CancellationToken);
        if (text is null)
        {
            return;
        }

        var content = text.ToString();
        if (kind == ListenSettingsFileKind.Dockerfile)
        {
            foreach (var variable in DockerfileEnv.UrlVariables(content))
            {
                ReportInFile(context, text, variable.Value, i => variable.ValueStart + i);
            }

            return;
        }

        foreach (var node in JsonPaths.StringValues(JsonReader.Parse(content), ListenSettingsFiles.UrlPaths(kind), ListenSettingsFiles.AnyProperty))
        {
            var offsets = node.SourceOffsets;
            ReportInFile(context, text, node.StringValue ?? string.Empty, i => i < offsets.Count ? offsets[i] : -1);
        }
    }

    /// <summary>Reports each IPv4-wildcard host of a URL list read from a file; <paramref name="sourceOffset"/> maps value indexes to file offsets.</summary>
    private static void ReportInFile(AdditionalFileAnalysisContext context, SourceText text, string value, Func<int, int> sourceOffset)
    {
        foreach (var address in ListenWildcards.IPv4Only(ListenAddressParser.ParseUrlList(value)))
        {
            var start = sourceOffset(address.HostStart);
            var last = sourceOffset(address.HostStart + address.HostLength - 1);
            if (start < 0 || last < start || last >= text.Length)
            {
                continue;
            }

            var span = TextSpan.FromBounds(start, last + 1);
            var location = Location.Create(context.AdditionalFile.Path, span, text.Lines.GetLinePositionSpan(span));
            var fix = address.Fix();
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.DS1010, location, FixProperties(fix), address.Text, fix.Replacement));
        }
    }
}
