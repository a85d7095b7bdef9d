using DualStack.Cli.Output;
using DualStack.Manifests.Planning;

namespace DualStack.Cli.Plan;

/// <summary>The values of <c>dslint plan --format</c> and the writer of each.</summary>
internal static class PlanFormat
{
    public const string Text = "text";
    public const string Json = "json";
    public const string Markdown = "markdown";
    public const string Svg = "svg";

    public static readonly string[] All = [Text, Json, Markdown, Svg];

    public static void Write(string format, PlanRun run, TextStyle style, TextWriter writer)
    {
        switch (format)
        {
            case Json:
                PlanJson.Write(run, writer);
                break;
            case Markdown:
                PlanMarkdown.Write(run.Plan!, writer);
                break;
            case Svg:
                PlanSvg.Write(run.Plan!, writer);
                break;
            default:
                PlanText.Write(run.Plan!, style, writer);
                break;
        }
    }
}
