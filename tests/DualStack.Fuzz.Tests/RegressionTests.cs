namespace DualStack.Fuzz.Tests;

/// <summary>
/// Every input that ever failed, kept in <c>Regressions/</c> and replayed against every cluster target. A file's name is
/// its hash (<see cref="FuzzProperty.NameOf"/>) unless a person named it after the defect it showed.
/// </summary>
public sealed class RegressionTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(FuzzSettings.RegressionFolder).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Replays(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(FuzzSettings.RegressionFolder, name));
        for (var target = 0; target < 3; target++)
        {
            FuzzProperty.Check(bytes, target);
        }
    }
}
