using System.Diagnostics;
using System.Text.Json.Nodes;

namespace DualStack.Lsp.Tests;

/// <summary>
/// A real editor as the client: headless Neovim (0.7's built-in LSP client) starts <c>dslint lsp</c>, opens
/// <c>samples/k8s-demo/web.yaml</c>, receives the diagnostics, applies the DS2005 quick fix to the buffer and sees the
/// diagnostics update. The sample file itself is never written (the buffer is discarded).
/// </summary>
public sealed class NeovimEndToEndTests
{
    private const string Script = """
        local out = {}
        local function finish(ok, err)
          out.ok = ok
          out.error = err
          local f = io.open(vim.env.DSLINT_RESULT, "w")
          f:write(vim.fn.json_encode(out))
          f:close()
          vim.cmd("qa!")
        end

        local function codes()
          local list = {}
          for _, d in ipairs(vim.diagnostic.get(0)) do
            local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
            table.insert(list, { line = d.lnum, code = code, message = d.message })
          end
          table.sort(list, function(a, b) return a.line < b.line end)
          return list
        end

        local ok, err = pcall(function()
          local client = vim.lsp.start_client({
            name = "dslint",
            cmd = { "dotnet", vim.env.DSLINT_DLL, "lsp" },
            root_dir = vim.env.DSLINT_ROOT,
            init_options = { debounceMilliseconds = 50 },
          })
          assert(client, "the client did not start")
          vim.cmd("edit " .. vim.fn.fnameescape(vim.env.DSLINT_FILE))
          vim.lsp.buf_attach_client(0, client)

          assert(vim.wait(30000, function() return #vim.diagnostic.get(0) >= 2 end, 50), "no diagnostics arrived")
          out.before = codes()

          -- The quick fix for the Service (DS2005), asked for at its line like the editor's code-action menu does.
          local line = nil
          for _, d in ipairs(out.before) do if d.code == "DS2005" then line = d.line end end
          assert(line, "no DS2005 diagnostic")
          local params = {
            textDocument = { uri = vim.uri_from_bufnr(0) },
            range = { start = { line = line, character = 0 }, ["end"] = { line = line, character = 0 } },
            context = { diagnostics = {} },
          }
          local responses = vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 20000)
          local action = nil
          for _, response in pairs(responses or {}) do
            for _, a in ipairs(response.result or {}) do
              if a.title:find("^Fix DS2005") then action = a end
            end
          end
          assert(action, "no DS2005 quick fix offered")
          out.action = action.title
          vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
          out.lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)

          assert(vim.wait(30000, function()
            for _, d in ipairs(codes()) do if d.code == "DS2005" then return false end end
            return #vim.diagnostic.get(0) > 0
          end, 50), "DS2005 did not go away after the fix")
          out.after = codes()
          vim.lsp.stop_client(client)
        end)
        finish(ok, err and tostring(err) or vim.NIL)
        """;

    [NeovimFact]
    public void Neovim_shows_the_rule_ids_at_their_lines_and_applies_the_quick_fix()
    {
        var nvim = NeovimFactAttribute.Nvim!;

        var sample = Path.Combine(RepositoryPaths.Root, "samples", "k8s-demo", "web.yaml");
        var original = File.ReadAllText(sample);
        using var workspace = new TempWorkspace();
        var script = workspace.Write("test.lua", Script);
        var result = Path.Combine(workspace.Root, "result.json");

        var start = new ProcessStartInfo(nvim)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workspace.Root,
        };
        foreach (var arg in new[] { "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile " + script })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DSLINT_DLL"] = LspClient.DllPath;
        start.Environment["DSLINT_ROOT"] = Path.GetDirectoryName(sample);
        start.Environment["DSLINT_FILE"] = sample;
        start.Environment["DSLINT_RESULT"] = result;
        start.Environment["XDG_STATE_HOME"] = workspace.Root;
        start.Environment["XDG_CACHE_HOME"] = workspace.Root;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(90_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("nvim did not finish in 90 s; stderr: " + stderr.Result);
        }

        Assert.True(File.Exists(result), $"nvim wrote no result (exit {process.ExitCode}): {stderr.Result}");
        var json = JsonNode.Parse(File.ReadAllText(result))!;
        Assert.True((bool)json["ok"]!, (string?)json["error"]);

        // web.yaml: the ASPNETCORE_URLS value on line 22 (0-based 21), the Service's spec key on line 35 (0-based 34).
        var before = json["before"]!.AsArray().Select(d => ((int)d!["line"]!, (string)d["code"]!)).ToList();
        Assert.Equal([(21, "DS2030"), (34, "DS2005")], before);

        Assert.Equal("Fix DS2005: insert \"ipFamilyPolicy: PreferDualStack\"", (string)json["action"]!);
        var lines = json["lines"]!.AsArray().Select(l => (string)l!).ToList();
        var expected = original.TrimEnd('\n').Split('\n').ToList();
        expected.Insert(35, "  ipFamilyPolicy: PreferDualStack");
        Assert.Equal(expected, lines);

        var after = json["after"]!.AsArray().Select(d => (string)d!["code"]!).ToList();
        Assert.DoesNotContain("DS2005", after);
        Assert.Contains("DS2030", after);
        Assert.Equal(original, File.ReadAllText(sample));
    }

}

/// <summary>A fact that needs Neovim; skipped, saying so, only where <c>nvim</c> is not installed (.ci/run installs it).</summary>
public sealed class NeovimFactAttribute : FactAttribute
{
    public NeovimFactAttribute()
    {
        if (Nvim is null)
        {
            Skip = "nvim is not on PATH (Debian: apt-get install neovim, as .ci/run does); the Neovim end-to-end test needs it";
        }
    }

    public static string? Nvim { get; } =
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "nvim"))
            .FirstOrDefault(File.Exists);
}
