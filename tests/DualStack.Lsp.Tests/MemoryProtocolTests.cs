using System.Text;

namespace DualStack.Lsp.Tests;

/// <summary>Memory stays flat over a long editing session: the server keeps the current text, not the history.</summary>
public sealed class MemoryProtocolTests
{
    [Fact]
    public async Task The_working_set_does_not_keep_growing_over_ten_thousand_edits()
    {
        using var workspace = new TempWorkspace();
        await using var client = await LspClient.StartInitializedAsync(workspace.Root, debounceMilliseconds: 5);
        var uri = workspace.Uri("apps.yaml");

        // About 25 KB: a server that kept every version (or every lint result) would grow by ~250 MB over the run.
        var text = new StringBuilder();
        for (var i = 0; i < 25; i++)
        {
            text.Append(Manifests.Lf(Manifests.WebApp).Replace("name: web", $"name: web{i:D2}")).Append("\n---\n");
        }

        await client.OpenAsync(uri, text.ToString());
        await client.DiagnosticsAsync(uri, version: 1);

        var samples = new List<long>();
        var version = 1;
        for (var batch = 0; batch < 10; batch++)
        {
            for (var i = 0; i < 1000; i++)
            {
                // Retype one character of the first name ("web00" -> "wxb00" -> "web00"), incrementally.
                version++;
                await client.ChangeAsync(uri, version, LspClient.RangeChange(3, 9, 3, 10, version % 2 == 0 ? "x" : "e"));

                // Let a lint finish now and then, so runs complete as well as being cancelled.
                if (i % 250 == 249)
                {
                    await client.DiagnosticsAsync(uri, version: version);
                }
            }

            client.Process.Refresh();
            samples.Add(client.Process.WorkingSet64);
        }

        Assert.Null(client.ProtocolViolation);
        Assert.Equal(0, await client.ShutdownAndExitAsync());

        // After warm-up (JIT, pools, GC heap sizing in the first batches) the working set levels off.
        var warm = samples.Skip(2).Take(3).Max();
        var last = samples.Skip(7).Max();
        var megabytes = string.Join(", ", samples.Select(s => (s / (1024 * 1024)).ToString()));
        Assert.True(last < warm + (48L * 1024 * 1024), $"working set per 1,000 edits (MB): {megabytes}");
    }
}
