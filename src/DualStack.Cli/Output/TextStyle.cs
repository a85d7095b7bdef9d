namespace DualStack.Cli.Output;

/// <summary>
/// ANSI colours for the text format: only on a terminal, never when <c>--no-color</c> is given or the
/// <c>NO_COLOR</c> environment variable is set to anything non-empty (https://no-color.org).
/// </summary>
internal sealed class TextStyle(bool enabled)
{
    public static TextStyle Plain { get; } = new(false);

    public bool Enabled { get; } = enabled;

    public static TextStyle Detect(bool noColorOption, bool writingToConsole) =>
        new(!noColorOption
            && writingToConsole
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));

    public string Bold(string text) => Wrap("1", text);

    public string Red(string text) => Wrap("1;31", text);

    public string Yellow(string text) => Wrap("1;33", text);

    public string Cyan(string text) => Wrap("36", text);

    public string Dim(string text) => Wrap("2", text);

    private string Wrap(string code, string text) => Enabled ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
}
