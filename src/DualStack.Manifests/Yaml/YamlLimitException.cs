using YamlDotNet.Core;

namespace DualStack.Manifests.Yaml;

/// <summary>A document that parses but exceeds a <see cref="YamlLimits"/> limit; reported as DS0001 and skipped.</summary>
public sealed class YamlLimitException : YamlException
{
    public YamlLimitException(Mark start, Mark end, string message)
        : base(start, end, message)
    {
    }
}
