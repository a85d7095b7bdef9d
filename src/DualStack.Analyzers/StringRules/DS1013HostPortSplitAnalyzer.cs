using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.StringRules;

/// <summary>
/// DS1013: <c>host:port</c> parsed by splitting on the first ':' (<c>s.Split(':')</c>, <c>s.IndexOf(':')</c>), which
/// cuts an IPv6 literal apart. Splitting on ':' is common and usually fine (user:password, "Section:Key",
/// times, ratios), so the split must look like an endpoint: the name of what holds the text has an endpoint word
/// (host, address, endpoint, server, url, ipPort; whole camel-case words, so "Observer" does not count), or the first piece is used as a host (address parser, connect)
/// while a later piece is parsed as the port. Members that already handle IPv6 (<c>LastIndexOf(':')</c>,
/// bracket checks, <c>IPEndPoint.TryParse</c>) are left alone.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DS1013HostPortSplitAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Extra words that mark a name as an endpoint (<c>broker, peer</c>), for code with its own vocabulary.</summary>
    internal const string EndpointWordsOption = "dotnet_diagnostic.DS1013.endpoint_words";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DS1013);

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
            var reach = new HostSinkReach(symbols);
            start.RegisterOperationAction(c => Analyze(c, symbols, reach), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, StringRuleSymbols symbols, HostSinkReach reach)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.ContainingType?.SpecialType != SpecialType.System_String || invocation.Instance is null
            || method.Name is not ("Split" or "IndexOf") || !SeparatorIsColon(invocation))
        {
            return;
        }

        var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(invocation.Syntax.SyntaxTree);
        var extraWords = options.TryGetValue(EndpointWordsOption, out var words) ? AddressNames.ParseWords(words) : [];
        if (method.Name == "Split")
        {
            var namedLikeEndpoint = IsNamedLikeEndpoint(NameOf(invocation.Instance), extraWords)
                || IsNamedLikeEndpoint(DeclaredName(invocation), extraWords);
            if (!namedLikeEndpoint && !PiecesUsedAsHostAndPort(invocation, symbols))
            {
                return;
            }
        }
        else if (!IsSplitPoint(invocation) || !IsNamedLikeEndpoint(NameOf(invocation.Instance), extraWords, allowUrls: false))
        {
            // IndexOf(':') also finds the scheme of a URL or tests for a port; only a host/port cut of an address counts.
            return;
        }

        if (invocation.MemberContains(op => HandlesIPv6(op, symbols)))
        {
            return;
        }

        // Severity follows the evidence: Warning when a piece provably reaches a host or URL parser (here, or through the
        // field, property or method result it is stored in); Info when the names or the port parse are the evidence.
        var sink = method.Name == "Split" ? HostSinkOfPieces(invocation, reach, context.Compilation) : null;
        var subject = "'" + invocation.Syntax + "'" + (sink is null ? string.Empty : ", whose host reaches " + sink + ",");
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.DS1013, invocation.Syntax.GetLocation(), sink is null ? Descriptors.DS1013.DefaultSeverity : DiagnosticSeverity.Warning,
            additionalLocations: null, properties: null, subject));
    }

    private static string? HostSinkOfPieces(IInvocationOperation split, HostSinkReach reach, Compilation compilation)
    {
        foreach (var (_, element) in ElementReads(split))
        {
            if (reach.Of(element, compilation) is { } sink)
            {
                return sink;
            }
        }

        return null;
    }

    /// <summary>The first separator argument is ':' (char, string, or a one-element char array).</summary>
    private static bool SeparatorIsColon(IInvocationOperation invocation)
    {
        if (invocation.Arguments.Length == 0)
        {
            return false;
        }

        var first = invocation.Arguments[0].Value.WalkDownConversions();
        if (first is IArrayCreationOperation { Initializer.ElementValues: { Length: 1 } elements })
        {
            first = elements[0].WalkDownConversions();
        }

        return first.ConstantValue.Value is ':' or ":";
    }

    private static bool IsNamedLikeEndpoint(string? name, IReadOnlyCollection<string> extraWords, bool allowUrls = true) =>
        allowUrls ? AddressNames.LooksLikeEndpoint(name, extraWords) : AddressNames.LooksLikeAddress(name) || AddressNames.LooksLikeEndpoint(name, extraWords) && !AddressNames.LooksLikeUrl(name);

    /// <summary>The name of the text, looking through string calls such as <c>Trim()</c>: <c>serverAddress.TrimEnd('/')</c> is "serverAddress".</summary>
    private static string? NameOf(IOperation? operation)
    {
        var current = operation?.WalkDownConversions();
        while (current is IInvocationOperation { Instance: { } inner } call && call.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String
            && call.Type?.SpecialType == SpecialType.System_String)
        {
            current = inner.WalkDownConversions();
        }

        return OperationFlow.ReferencedName(current);
    }

    /// <summary>The local the result is stored in (<c>var ipPort = s.Split(':')</c>).</summary>
    private static string? DeclaredName(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator.Symbol.Name : null;
    }

    /// <summary>The index cuts the text: it (or it + 1) is passed to <c>Substring</c>/<c>Remove</c>, directly or through a local.</summary>
    private static bool IsSplitPoint(IInvocationOperation indexOf)
    {
        IEnumerable<IOperation> uses = [indexOf];
        var parent = indexOf.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
        {
            uses = indexOf.GetRoot().Descendants()
                .Where(op => op is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, declarator.Symbol));
        }

        foreach (var use in uses)
        {
            var current = use;
            if (current.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } plus && plus.RightOperand.ConstantValue.Value is 1)
            {
                current = plus;
            }

            if (current.Parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Substring" or "Remove" } call }
                && call.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Piece 0 goes to a host parameter or an address-named target, or piece 1 is parsed as a number while piece 0 is not.</summary>
    private static bool PiecesUsedAsHostAndPort(IInvocationOperation split, StringRuleSymbols symbols)
    {
        var hostUse = false;
        var firstIsNumber = false;
        var firstIsText = false;
        var laterIsNumber = false;
        foreach (var (index, element) in ElementReads(split))
        {
            var use = ClassifyUse(element, symbols, depth: 0);
            if (index == 0)
            {
                hostUse |= use == PieceUse.Host;
                firstIsNumber |= use == PieceUse.Number;
                firstIsText |= use == PieceUse.Text;
            }
            else if (index == 1)
            {
                // host:port puts the port at [1]; a number further on is some other format ("host:app:42").
                laterIsNumber |= use == PieceUse.Number;
            }
        }

        // A first piece glued into other text ("name:42" read back as parts[0] + ".") is a payload, not a host.
        return hostUse || (laterIsNumber && !firstIsNumber && !firstIsText);
    }

    /// <summary>Reads of <c>split[i]</c> with a constant index, directly or through the local the array is stored in.</summary>
    private static IEnumerable<(int Index, IOperation Element)> ElementReads(IInvocationOperation split)
    {
        var parent = split.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        if (parent is IArrayElementReferenceOperation { Indices.Length: 1 } direct && direct.Indices[0].ConstantValue.Value is int i)
        {
            yield return (i, direct);
            yield break;
        }

        if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
        {
            foreach (var op in split.GetRoot().Descendants())
            {
                if (op is IArrayElementReferenceOperation { Indices.Length: 1 } element
                    && element.ArrayReference is ILocalReferenceOperation local
                    && SymbolEqualityComparer.Default.Equals(local.Local, declarator.Symbol)
                    && element.Indices[0].ConstantValue.Value is int index)
                {
                    yield return (index, element);
                }
            }
        }
    }

    private enum PieceUse
    {
        Other,
        Host,
        Number,

        /// <summary>Concatenated with other text: a host is passed on whole, not glued to more characters.</summary>
        Text,
    }

    private static PieceUse ClassifyUse(IOperation value, StringRuleSymbols symbols, int depth)
    {
        var current = value;
        while (current.Parent is IConversionOperation or IParenthesizedOperation
            || (current.Parent is IInvocationOperation { TargetMethod.ContainingType.SpecialType: SpecialType.System_String } call
                && call.Instance == current && call.Type?.SpecialType == SpecialType.System_String))
        {
            current = current.Parent;
        }

        switch (current.Parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Value == current && AddressNames.LooksLikeAddress(NameOf(assignment.Target)):
                return PieceUse.Host;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation named } when AddressNames.LooksLikeAddress(named.Symbol.Name):
                return PieceUse.Host;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String
                && (concatenation.LeftOperand == current ? concatenation.RightOperand : concatenation.LeftOperand).ConstantValue.Value is string glued
                && glued.IndexOf(':') < 0:
                return PieceUse.Text;
            case IArgumentOperation { Parent: IInvocationOperation invocation } argument:
                return ClassifyArgument(argument, invocation.TargetMethod, symbols);
            case IArgumentOperation { Parent: IObjectCreationOperation { Constructor: { } constructor } } argument:
                return ClassifyArgument(argument, constructor, symbols);
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when depth == 0:
                var result = PieceUse.Other;
                foreach (var op in value.GetRoot().Descendants())
                {
                    if (op is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, declarator.Symbol))
                    {
                        var use = ClassifyUse(local, symbols, depth + 1);
                        result = use == PieceUse.Other ? result : use;
                    }
                }

                return result;
            default:
                return PieceUse.Other;
        }
    }

    private static PieceUse ClassifyArgument(IArgumentOperation argument, IMethodSymbol method, StringRuleSymbols symbols)
    {
        var type = method.ContainingType;
        if (method.Name is "Parse" or "TryParse" && type.SpecialType is SpecialType.System_Int32 or SpecialType.System_UInt16 or SpecialType.System_Int16)
        {
            return PieceUse.Number;
        }

        if (method.Name is "ToInt32" or "ToUInt16" && type.Name == "Convert" && type.ContainingNamespace?.Name == "System")
        {
            return PieceUse.Number;
        }

        if ((StringRuleSymbols.Is(type, symbols.IPAddress) && method.Name is "Parse" or "TryParse")
            || (StringRuleSymbols.Is(type, symbols.Dns) && argument.Parameter?.Type.SpecialType == SpecialType.System_String)
            || (argument.Parameter?.Name is "host" or "hostname" or "hostNameOrAddress"
                && (StringRuleSymbols.Is(type, symbols.Socket) || StringRuleSymbols.Is(type, symbols.TcpClient)
                    || StringRuleSymbols.Is(type, symbols.UdpClient) || StringRuleSymbols.Is(type, symbols.DnsEndPoint))))
        {
            return PieceUse.Host;
        }

        // Any method or constructor whose string parameter is named as a host (new ResolvedTarget(host, port), Connect(string address, …)).
        if (argument.Parameter is { Type.SpecialType: SpecialType.System_String } named && AddressNames.LooksLikeAddress(named.Name))
        {
            return PieceUse.Host;
        }

        return PieceUse.Other;
    }

    /// <summary>Signs that the member already copes with IPv6 literals.</summary>
    private static bool HandlesIPv6(IOperation operation, StringRuleSymbols symbols)
    {
        switch (operation)
        {
            case ILiteralOperation literal:
                return literal.ConstantValue.Value is '[' or ']' || (literal.ConstantValue.Value is string s && IsBracketText(s));
            case IInvocationOperation { TargetMethod.Name: "LastIndexOf" or "LastIndexOfAny" } lastIndexOf:
                return lastIndexOf.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String;
            case IInvocationOperation { TargetMethod.Name: "Parse" or "TryParse" } parse:
                return StringRuleSymbols.Is(parse.TargetMethod.ContainingType, symbols.IPEndPoint);
            default:
                return false;
        }
    }

    /// <summary>
    /// Text that brackets an IPv6 host: "[", "]", "]:", or an IPv6 literal such as "[::1]". A log tag such as
    /// "[init] loaded" also starts with '[' but brackets no address.
    /// </summary>
    private static bool IsBracketText(string text) =>
        text is "[" or "]" or "]:" || text.StartsWith("[::", StringComparison.Ordinal) || (text.Length <= 2 && text.StartsWith("[", StringComparison.Ordinal));
}
