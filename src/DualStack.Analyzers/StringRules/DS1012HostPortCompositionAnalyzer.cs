using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.StringRules;

/// <summary>
/// DS1012: <c>host:port</c> or a URL composed from an IP address without brackets (<c>$"{ip}:{port}"</c>,
/// <c>"http://" + ip + ":" + port</c>, <c>string.Format("{0}:{1}", ip, port)</c>) that reaches a parser: <c>Uri</c>,
/// <c>UriBuilder</c>, <c>HttpClient</c>, gRPC, <c>IPEndPoint.Parse</c>, Kestrel URLs, an environment variable, an
/// <c>IConfiguration</c> value, or a field, property or method result named as an endpoint (stored to be parsed later). The host must be IP-typed (<c>IPAddress</c>, its <c>ToString()</c>, or
/// <c>Uri.DnsSafeHost</c>/<c>IdnHost</c>, which drop brackets); <c>Uri.Host</c> keeps them and host names are fine.
/// Strings that only go to logs, <c>ToString</c>, names or dictionary keys reach no parser and are never reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DS1012HostPortCompositionAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DS1012);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code gets no callbacks (no Analyze flag) and every report lies inside the operation being analyzed,
        // so none can land there; ReportDiagnostics spares Roslyn's per-report generated-code check, which binds the
        // attributes of every declaration of a file on its first report (GeneratedCodeSilenceTests).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = StringRuleSymbols.Instance;
            var ipText = new IPTextFlow(symbols);
            start.RegisterOperationAction(
                c => Analyze(c, symbols, ipText),
                OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment, OperationKind.Return, OperationKind.Invalid,
                OperationKind.VariableDeclarator);
        });
    }

    private static void Analyze(OperationAnalysisContext context, StringRuleSymbols symbols, IPTextFlow ipText)
    {
        // Cheap rejections first: most assignments and returns compose nothing, most calls parse no address.
        var candidate = context.Operation switch
        {
            IVariableDeclaratorOperation declarator => declarator.GetVariableInitializer()?.Value is { } initial && IsComposition(initial),
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } } => true,
            ISimpleAssignmentOperation assignment => IsComposition(assignment.Value),
            IReturnOperation { ReturnedValue: { } returned } => IsComposition(returned),
            IReturnOperation => false,
            IInvalidOperation invalid => UnresolvedSinks.UrlArgument(invalid) is not null,
            _ => NetworkSinks.MayBeSink(context.Operation, symbols)
                || context.Operation is IInvocationOperation { TargetMethod.Name: "SetEnvironmentVariable" },
        };
        if (!candidate)
        {
            return;
        }

        foreach (var (value, sink, evidence) in ParsedValues(context.Operation, context.ContainingSymbol, symbols, ipText))
        {
            foreach (var pieces in PiecesOf(value))
            {
                ReportHosts(context, symbols, ipText, value, pieces, sink, evidence);
            }
        }
    }

    /// <summary>
    /// The value's pieces. A local is not followed here: each composition assigned to it is reported where it is
    /// written (<see cref="LocalSinks"/>), which is where the fix belongs, and keeps the diagnostic local to it.
    /// </summary>
    private static IEnumerable<StringPieces> PiecesOf(IOperation value)
    {
        if (value.WalkDownConversions() is not ILocalReferenceOperation && StringPieces.From(value) is { } pieces)
        {
            yield return pieces;
        }
    }

    /// <summary>
    /// The parser a local's composed value reaches: the first use of the local (<c>new Uri(address)</c>,
    /// <c>GrpcChannel.ForAddress(address)</c>, <c>config["Url"] = address</c>) that <see cref="ParsedValues"/> recognises.
    /// </summary>
    private static IEnumerable<(IOperation Value, string Sink, SinkEvidence Evidence)> LocalSinks(
        IOperation composition, ILocalSymbol local, ISymbol containingSymbol, StringRuleSymbols symbols, IPTextFlow ipText)
    {
        // Only a composition with a host in host position is worth the walk over the member.
        if (!HasCandidateHost(composition, symbols, ipText))
        {
            yield break;
        }

        foreach (var operation in composition.GetRoot().Descendants())
        {
            if (operation is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                continue;
            }

            var user = reference.Parent;
            while (user is IConversionOperation or IParenthesizedOperation or IArgumentOperation)
            {
                user = user.Parent;
            }

            if (user is null || (user is ISimpleAssignmentOperation assignment && assignment.Target == reference))
            {
                continue;
            }

            foreach (var (value, sink, evidence) in ParsedValues(user, containingSymbol, symbols, ipText))
            {
                if (value.WalkDownConversions() is ILocalReferenceOperation used && SymbolEqualityComparer.Default.Equals(used.Local, local))
                {
                    yield return (composition, sink, evidence);
                    yield break;
                }
            }
        }
    }

    private static bool HasCandidateHost(IOperation composition, StringRuleSymbols symbols, IPTextFlow ipText)
    {
        if (StringPieces.From(composition) is not { } pieces)
        {
            return false;
        }

        var text = pieces.Text;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] == StringPieces.HoleChar && text[i + 1] == ':' && IsHostPosition(text, i)
                && pieces.HoleAt(i) is { } hole && IsUnbracketedIPHost(hole, symbols, ipText, followLocals: false) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What shows that the composed text is parsed.</summary>
    private enum SinkEvidence
    {
        /// <summary>A parser takes it right here: <c>new Uri</c>, <c>GrpcChannel.ForAddress</c>, <c>IPEndPoint.Parse</c>, a Kestrel URL.</summary>
        Parser,

        /// <summary>It is handed to configuration or the environment, which something else reads.</summary>
        Store,

        /// <summary>Only the name of the member it is stored in or returned from says endpoint or URL.</summary>
        Name,
    }

    private static void ReportHosts(
        OperationAnalysisContext context, StringRuleSymbols symbols, IPTextFlow ipText, IOperation value, StringPieces pieces, string sink, SinkEvidence evidence)
    {
        var sinkIsName = evidence == SinkEvidence.Name;
        var text = pieces.Text;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] != StringPieces.HoleChar || text[i + 1] != ':' || !IsHostPosition(text, i))
            {
                continue;
            }

            // A name is evidence for one side only: a member named as an endpoint over a host named as an IP
            // (ToInetAddr() => $"{Ip}:{Port}") is as often a key or a label as something parsed later.
            var hole = pieces.HoleAt(i);
            if (hole is null || IsUnbracketedIPHost(hole, symbols, ipText, followLocals: true) is not { } hostIsName || (hostIsName && sinkIsName))
            {
                continue;
            }

            var shown = "\"" + pieces.Display(0, text.Length) + "\"";
            // Severity follows the evidence: an IP by its type going straight into a parser cannot be IPv6-safe.
            var severity = !hostIsName && evidence == SinkEvidence.Parser ? DiagnosticSeverity.Warning : DiagnosticSeverity.Info;
            context.ReportDiagnostic(StringDiagnostics.Create(Descriptors.DS1012, severity, value, pieces, i, 1, properties: null, shown, sink));
        }
    }

    /// <summary>A string built right here: an interpolation, a concatenation, or <c>string.Format</c>/<c>Concat</c>.</summary>
    private static bool IsComposition(IOperation value) =>
        value.Type?.SpecialType == SpecialType.System_String
        && value.WalkDownConversions() switch
        {
            IInterpolatedStringOperation => true,
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } => true,
            IInvocationOperation { TargetMethod: { Name: "Format" or "Concat", ContainingType.SpecialType: SpecialType.System_String } } => true,
            _ => false,
        };

    /// <summary>The hole starts the text, or follows "://" or the '@' of user info: it is the host.</summary>
    private static bool IsHostPosition(string text, int index) =>
        index == 0
        || (index >= 3 && string.CompareOrdinal(text, index - 3, "://", 0, 3) == 0)
        || text[index - 1] == '@'
        || text[index - 1] == ';';

    /// <summary>
    /// Null when the hole is no IP host; false when its type or its data flow shows it is an IP; true when only its name
    /// does. Locals are followed to their definitions only once a parser is proven (<paramref name="followLocals"/>);
    /// a method of this compilation is followed to its returns once per compilation.
    /// </summary>
    private static bool? IsUnbracketedIPHost(IOperation hole, StringRuleSymbols symbols, IPTextFlow ipText, bool followLocals)
    {
        var value = hole.WalkDownConversions();
        if (StringRuleSymbols.Is(value.Type, symbols.IPAddress))
        {
            return false;
        }

        if (value is IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0, Instance: { } instance }
            && StringRuleSymbols.Is(instance.WalkDownConversions().Type, symbols.IPAddress))
        {
            return false;
        }

        if (value is IPropertyReferenceOperation { Property.Name: "DnsSafeHost" or "IdnHost" } property
            && StringRuleSymbols.Is(property.Property.ContainingType, symbols.Uri))
        {
            return false;
        }

        // A string that is named as an IP address (ServerIp, GetCurrentIp()) holds a literal, not a host name.
        if (value.Type?.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        if ((value is IInvocationOperation || (followLocals && value is ILocalReferenceOperation)) && ipText.IsIPText(value))
        {
            return false;
        }

        var name = value switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation stringProperty => stringProperty.Property.Name,
            IInvocationOperation call => call.TargetMethod.Name,
            _ => null,
        };
        return AddressNames.LooksLikeIp(name) ? true : null;
    }

    /// <summary>String values that something parses as an endpoint or URL, with the parser's name.</summary>
    private static IEnumerable<(IOperation Value, string Sink, SinkEvidence Evidence)> ParsedValues(
        IOperation operation, ISymbol containingSymbol, StringRuleSymbols symbols, IPTextFlow ipText)
    {
        switch (operation)
        {
            case IVariableDeclaratorOperation declarator when declarator.GetVariableInitializer()?.Value is { } initial && IsComposition(initial):
                foreach (var found in LocalSinks(initial, declarator.Symbol, containingSymbol, symbols, ipText))
                {
                    yield return found;
                }

                yield break;

            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } local when IsComposition(local.Value):
                foreach (var found in LocalSinks(local.Value, target.Local, containingSymbol, symbols, ipText))
                {
                    yield return found;
                }

                yield break;

            case IInvalidOperation invalid when UnresolvedSinks.UrlArgument(invalid) is { } unresolved:
                yield return (unresolved.Value, "the argument of " + unresolved.Name, SinkEvidence.Parser);
                yield break;

            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } indexer } assignment
                when symbols.IsConfiguration(indexer.Property.ContainingType):
                yield return (assignment.Value, "a configuration value", SinkEvidence.Store);
                yield break;

            // Stored for later parsing: a field or property named as an endpoint (Address, ServerUrl, PeerEndpoint),
            // never a name, key or label (ClientName, CacheKey), which only identify.
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: false } or IFieldReferenceOperation } assignment
                when AddressNames.LooksLikeEndpoint(MemberName(assignment.Target)):
                yield return (assignment.Value, "'" + MemberName(assignment.Target) + "'", SinkEvidence.Name);
                yield break;

            case IReturnOperation { ReturnedValue: { } returned } when ReturningMemberName(containingSymbol) is { } name && AddressNames.LooksLikeEndpoint(name):
                yield return (returned, "the result of '" + name + "'", SinkEvidence.Name);
                yield break;

            case IInvocationOperation invocation when StringRuleSymbols.Is(invocation.TargetMethod.ContainingType, symbols.Environment)
                && invocation.TargetMethod.Name == "SetEnvironmentVariable" && invocation.Arguments.Length >= 2:
                yield return (invocation.Arguments[1].Value, "an environment variable", SinkEvidence.Store);
                yield break;
        }

        foreach (var sink in NetworkSinks.Find(operation, symbols))
        {
            if (sink.Kind != SinkKind.Host)
            {
                yield return (sink.Value, sink.IsListenUrl ? sink.Name : "the argument of " + sink.Name, SinkEvidence.Parser);
            }
        }
    }

    private static string? MemberName(IOperation target) => target switch
    {
        IPropertyReferenceOperation property => property.Property.Name,
        IFieldReferenceOperation field => field.Field.Name,
        _ => null,
    };

    /// <summary>The method or property a return belongs to; null inside lambdas and for ToString, which only displays.</summary>
    private static string? ReturningMemberName(ISymbol symbol) => symbol switch
    {
        IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } => null,
        IMethodSymbol { Name: "ToString" } => null,
        IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: { } property } => property.Name,
        IMethodSymbol method when method.ReturnType.SpecialType == SpecialType.System_String => method.Name,
        _ => null,
    };
}
