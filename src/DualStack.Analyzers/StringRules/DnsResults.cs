using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DualStack.Analyzers.StringRules;

/// <summary>How code waits for an asynchronous DNS answer: <c>await t</c>, <c>t.Result</c>, <c>t.GetAwaiter().GetResult()</c>.</summary>
internal static class DnsResults
{
    /// <summary>The task a value waits for (through conversions), or the value itself when it waits for nothing.</summary>
    public static IOperation UnwrapTaskResult(IOperation operation)
    {
        var value = operation.WalkDownConversions();
        switch (value)
        {
            case IAwaitOperation awaited:
                return awaited.Operation.WalkDownConversions();
            case IPropertyReferenceOperation { Property.Name: "Result", Instance: { } task } when IsTask(task.Type):
                return task.WalkDownConversions();
            case IInvocationOperation { TargetMethod.Name: "GetResult", Instance: IInvocationOperation { TargetMethod.Name: "GetAwaiter", Instance: { } awaitedTask } }
                when IsTask(awaitedTask.Type):
                return awaitedTask.WalkDownConversions();
            default:
                return value;
        }
    }

    private static bool IsTask(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks" } };
}
