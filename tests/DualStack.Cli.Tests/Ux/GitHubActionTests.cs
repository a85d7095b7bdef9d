using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace DualStack.Cli.Tests.Ux;

/// <summary>
/// The composite <c>action.yml</c> at the repository root, its shell steps run locally as the runner runs them
/// (<c>bash --noprofile --norc -eo pipefail</c>, inputs through <c>env</c>, <c>GITHUB_PATH</c> and <c>GITHUB_OUTPUT</c>
/// files): the tool is installed from a local feed packed from this build, the lint writes SARIF, and the step's exit
/// code is dslint's.
/// </summary>
[Collection(PackingCollection.Name)]
public sealed partial class GitHubActionTests(PackedTool tool)
{
    [GeneratedRegex(@"\$\{\{\s*inputs\.(?<name>[a-z-]+)\s*\}\}")]
    private static partial Regex InputExpression();

    [Fact]
    public void Action_installs_the_tool_lints_and_writes_sarif_with_dslint_exit_code()
    {
        Assert.True(tool.PackSucceeded, tool.PackOutput);
        using var folder = new TempFolder();
        var feed = tool.Feed;
        var version = tool.Version;
        var repo = Path.Combine(folder.Path, "repo");
        Directory.CreateDirectory(repo);
        tool.WriteNugetConfig(Path.Combine(repo, "nuget.config"));
        folder.Write("repo/deploy/service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ipFamilyPolicy: SingelStack\n  ports: [{port: 80}]\n");
        var runnerTemp = Path.Combine(folder.Path, "runner-temp");
        Directory.CreateDirectory(runnerTemp);
        var githubPath = folder.Write("github-path", string.Empty);
        var githubOutput = folder.Write("github-output", string.Empty);
        var inputs = new Dictionary<string, string> { ["version"] = version, ["source"] = feed, ["path"] = "deploy" };

        var results = RunSteps(repo, inputs, new Dictionary<string, string?>
        {
            ["RUNNER_TEMP"] = runnerTemp,
            ["GITHUB_PATH"] = githubPath,
            ["GITHUB_OUTPUT"] = githubOutput,
            ["NUGET_PACKAGES"] = Path.Combine(folder.Path, "packages"),
        });

        Assert.Equal(2, results.Count);
        Assert.True(results[0].ExitCode == 0, results[0].ToString());
        Assert.Equal(1, results[1].ExitCode);
        Assert.Contains("deploy/service.yaml:6:19: error DS2001:", results[1].Stdout);
        var sarif = File.ReadAllText(Path.Combine(repo, "dslint.sarif"));
        Assert.Contains("\"ruleId\": \"DS2001\"", sarif);
        Assert.Equal(["sarif-file=dslint.sarif", "exit-code=1"], File.ReadAllLines(githubOutput));
    }

    private static List<DslintResult> RunSteps(string workingDirectory, Dictionary<string, string> given, Dictionary<string, string?> environment)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "action.yml"))));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var defaults = ((YamlMappingNode)root["inputs"]).Children.ToDictionary(
            c => ((YamlScalarNode)c.Key).Value!,
            c => ((YamlScalarNode)((YamlMappingNode)c.Value)["default"]).Value ?? string.Empty);
        var runs = (YamlMappingNode)root["runs"];
        Assert.Equal("composite", ((YamlScalarNode)runs["using"]).Value);

        var results = new List<DslintResult>();
        foreach (var step in ((YamlSequenceNode)runs["steps"]).Children.Cast<YamlMappingNode>())
        {
            Assert.Equal("bash", ((YamlScalarNode)step["shell"]).Value);
            var run = ((YamlScalarNode)step["run"]).Value!;
            Assert.DoesNotMatch(InputExpression(), run);
            var stepEnvironment = new Dictionary<string, string?>(environment);
            if (step.Children.TryGetValue(new YamlScalarNode("env"), out var env))
            {
                foreach (var (key, value) in ((YamlMappingNode)env).Children)
                {
                    stepEnvironment[((YamlScalarNode)key).Value!] = InputExpression().Replace(((YamlScalarNode)value).Value!, m =>
                        given.TryGetValue(m.Groups["name"].Value, out var v) ? v : defaults[m.Groups["name"].Value]);
                }
            }

            var added = File.ReadAllLines(environment["GITHUB_PATH"]!);
            stepEnvironment["PATH"] = string.Join(Path.PathSeparator, added.Append(System.Environment.GetEnvironmentVariable("PATH")));
            var script = Path.Combine(environment["RUNNER_TEMP"]!, "step.sh");
            File.WriteAllText(script, run);
            results.Add(Dslint.RunProcess("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], workingDirectory, environment: stepEnvironment, timeoutSeconds: 300));
        }

        return results;
    }
}
