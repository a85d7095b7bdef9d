using System.Collections.Immutable;
using DualStack.Analyzers.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.Rules;

/// <summary>
/// DS1006: the bytes of <c>IPAddress.GetAddressBytes()</c> read as if there were always four: indexes 0–3 only,
/// <c>BitConverter.ToUInt32/ToInt32</c>, <c>BinaryPrimitives.Read(U)Int32*</c>, or a copy of exactly 4 bytes.
/// One diagnostic per GetAddressBytes call, at its first such use. Silent when the member checks or names an address
/// family, reads the array's Length, also indexes beyond byte 3, the address is IPv4 by construction, or the member
/// belongs to a concept that is IPv4 by definition (SOCKS4, FTP PORT/PASV, broadcast addresses).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DS1006FourByteAddressAssumptionAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] IPv4Protocols = ["Socks4", "Ftp", "Pasv", "Broadcast"];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DS1006);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code gets no callbacks (no Analyze flag) and every report lies inside the operation being analyzed,
        // so none can land there; ReportDiagnostics spares Roslyn's per-report generated-code check, which binds the
        // attributes of every declaration of a file on its first report (GeneratedCodeSilenceTests).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = SocketSymbols.For(start.Compilation);
            start.RegisterOperationAction(c => Analyze(c, symbols, new MemberFacts(c.Operation, symbols)), OperationKind.Invocation);
        });
    }

    private static readonly KnownMember GetAddressBytesMethod = new(KnownTypes.IPAddress, "GetAddressBytes");

    private static void Analyze(OperationAnalysisContext context, SocketSymbols symbols, MemberFacts facts)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!GetAddressBytesMethod.Matches(invocation.TargetMethod) || invocation.Instance is not { } address
            || IsIPv4ByConstruction(address, symbols) || IsIPv4Protocol(context.ContainingSymbol))
        {
            return;
        }

        var uses = Uses(invocation);
        if (uses is null)
        {
            return;
        }

        IOperation? firstAssumption = null;
        foreach (var use in uses)
        {
            switch (Classify(use, symbols))
            {
                case Use.ChecksLength:
                    return;
                case Use.FourBytes when Outer(use).Parent is { } site && (firstAssumption is null || site.Syntax.SpanStart < firstAssumption.Syntax.SpanStart):
                    firstAssumption = site;
                    break;
            }
        }

        if (firstAssumption is null || facts.Value.IsFamilyAware)
        {
            return;
        }

        var shown = firstAssumption is IArgumentOperation { Parent: IInvocationOperation call }
            ? call.TargetMethod.ContainingType.Name + "." + call.TargetMethod.Name
            : "'" + firstAssumption.Syntax + "'";
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.DS1006, LocationOf(firstAssumption), shown));
    }

    private enum Use
    {
        Other,
        FourBytes,
        ChecksLength,
    }

    /// <summary>The operations that read the returned array: the call itself, or every read of the local holding it.</summary>
    private static IEnumerable<IOperation>? Uses(IInvocationOperation invocation)
    {
        var outer = Outer(invocation);
        switch (outer.Parent)
        {
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return SocketValueFlow.Reads(invocation, declarator.Symbol);
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == outer:
                return SocketValueFlow.Reads(invocation, target.Local, target);
            default:
                return [invocation];
        }
    }

    private static Use Classify(IOperation array, SocketSymbols symbols)
    {
        var outer = Outer(array);
        switch (outer.Parent)
        {
            case IArrayElementReferenceOperation element when element.ArrayReference == outer && element.Indices.Length == 1:
                var index = SocketValues.ConstantInt(element.Indices[0]);
                return index switch
                {
                    null => Use.ChecksLength, // a computed index usually walks the whole array
                    >= 4 => Use.ChecksLength, // reads beyond byte 3: the code knows about 16-byte addresses
                    _ => Use.FourBytes,
                };
            case IPropertyReferenceOperation { Property.Name: "Length" or "LongLength" }:
                return Use.ChecksLength;
            case IArgumentOperation { Parent: IInvocationOperation call } argument:
                return ReadsFourBytes(call, argument, symbols) ? Use.FourBytes : Use.Other;
            default:
                return Use.Other;
        }
    }

    private static bool ReadsFourBytes(IInvocationOperation call, IArgumentOperation argument, SocketSymbols symbols)
    {
        var method = call.TargetMethod;
        if (symbols.Is(method.ContainingType, symbols.BitConverter))
        {
            return method.Name is "ToUInt32" or "ToInt32" && argument.Parameter?.Ordinal == 0;
        }

        if (method.ContainingType.ToDisplayString() == "System.Buffers.Binary.BinaryPrimitives")
        {
            return method.Name.StartsWith("ReadUInt32", StringComparison.Ordinal) || method.Name.StartsWith("ReadInt32", StringComparison.Ordinal);
        }

        // Array.Copy(bytes, …, 4) and Buffer.BlockCopy(bytes, …, 4): the count is the last argument.
        var type = method.ContainingType.ToDisplayString();
        return (type is "System.Array" && method.Name == "Copy" || type is "System.Buffer" && method.Name == "BlockCopy")
            && argument.Parameter?.Ordinal == 0 && call.Arguments.Length > 0 && SocketValues.ConstantInt(call.Arguments[call.Arguments.Length - 1].Value) == 4;
    }

    private static IOperation Outer(IOperation operation)
    {
        while (operation.Parent is IConversionOperation conversion)
        {
            operation = conversion;
        }

        return operation;
    }

    private static Location LocationOf(IOperation use) => use is IArgumentOperation { Parent: IInvocationOperation call }
        ? call.Syntax.GetLocation()
        : use.Syntax.GetLocation();

    private static bool IsIPv4ByConstruction(IOperation address, SocketSymbols symbols) => SocketValueFlow.Resolve(address) switch
    {
        IFieldReferenceOperation field => symbols.IsIPv4AddressField(field.Field),
        IInvocationOperation { TargetMethod.Name: "MapToIPv4" } call => symbols.Is(call.TargetMethod.ContainingType, symbols.IPAddress),
        IObjectCreationOperation creation => SocketValues.IsLongConstructor(creation, symbols),
        _ => false,
    };

    private static bool IsIPv4Protocol(ISymbol member)
    {
        for (var symbol = member; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
        {
            foreach (var protocol in IPv4Protocols)
            {
                if (symbol.Name.IndexOf(protocol, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
