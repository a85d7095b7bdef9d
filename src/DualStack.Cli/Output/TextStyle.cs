namespace DualStack.Cli.Output;

/// <summary>
/// ANSI colours for the text format and <c>dslint explain</c>. <c>--color always|never</c> (and <c>--no-color</c>)
/// decide first; otherwise a non-empty <c>NO_COLOR</c> turns colour off (https://no-color.org), a non-empty
/// <c>FORCE_COLOR</c> other than <c>0</c>/<c>false</c> turns it on (https://force-color.org, for CI logs that render
/// ANSI), and else colour is used only on a terminal.
/// </summary>
internal sealed class TextStyle(bool enabled)
{
    public const string Auto = "auto";
    public const string Always = "always";
    public const string Never = "never";

    public static readonly string[] Modes = [Auto, Always, Never];

    public static TextStyle Plain { get; } = new(false);

    public bool Enabled { get; } = enabled;

    public static TextStyle Detect(bool noColorOption, bool writingToConsole) => Resolve(Auto, noColorOption, writingToConsole);

    public static TextStyle Resolve(string? mode, bool noColorOption, bool writingToTerminal) =>
        new((mode ?? Auto) switch
        {
            Never => false,
            _ when noColorOption => false,
            Always => true,
            _ when !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) => false,
            _ when ForceColor(Environment.GetEnvironmentVariable("FORCE_COLOR")) => true,
            _ => writingToTerminal,
        });

    public string Bold(string text) => Wrap("1", text);

    public string Red(string text) => Wrap("1;31", text);

    public string Yellow(string text) => Wrap("1;33", text);

    public string Cyan(string text) => Wrap("36", text);

    public string Dim(string text) => Wrap("2", text);

    private static bool ForceColor(string? value) =>
        !string.IsNullOrEmpty(value) && value != "0" && !value.Equals("false", StringComparison.OrdinalIgnoreCase);

    private string Wrap(string code, string text) => Enabled ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
}
