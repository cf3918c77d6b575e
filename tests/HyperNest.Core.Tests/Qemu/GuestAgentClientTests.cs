using System.Text;
using System.Text.Json.Nodes;
using HyperNest.Qemu.GuestAgent;
using HyperNest.Qemu.Qmp;

namespace HyperNest.Core.Tests.Qemu;

public sealed class GuestAgentClientTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly TestTempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Ping_StaleDataOnChannel_SkipsUntilDelimitedSyncAnswer()
    {
        // Left over from an earlier connection: a whole answer and half of another.
        var stale = FakeUnixServer.Utf8("{\"return\": {}}\n{\"return\": {\"pid\"");
        await using var server = new FakeUnixServer(Socket, stale, line => Agent(line, (command, args) => command switch
        {
            // An answer to an older sync (wrong id, even with the delimiter) must be skipped too.
            "guest-sync-delimited" => "{\"return\": 7}\n\u00ff{\"return\": 7}\n\u00ff" + new JsonObject { ["return"] = args!["id"]!.DeepClone() }.ToJsonString() + "\n",
            "guest-ping" => "{\"return\": {}}\n",
            _ => throw new InvalidOperationException(command),
        }));
        await using var agent = await GuestAgentClient.ConnectAsync(Socket, Timeout);

        Assert.True(await agent.PingAsync(Timeout));
        Assert.Equal(["guest-sync-delimited", "guest-ping"], server.Received.Select(Command));
    }

    [Fact]
    public async Task Ping_AgentSilent_ReturnsFalse()
    {
        await using var server = new FakeUnixServer(Socket, [], _ => []);
        await using var agent = await GuestAgentClient.ConnectAsync(Socket, Timeout);

        Assert.False(await agent.PingAsync(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task Run_PollsStatusUntilExited_DecodesOutput()
    {
        var polls = 0;
        await using var server = new FakeUnixServer(Socket, [], line => Agent(line, (command, args) => command switch
        {
            "guest-sync-delimited" => SyncAnswer(args!),
            "guest-exec" => "{\"return\": {\"pid\": 42}}\n",
            "guest-exec-status" when ++polls < 3 => "{\"return\": {\"exited\": false}}\n",
            "guest-exec-status" => new JsonObject
            {
                ["return"] = new JsonObject
                {
                    ["exited"] = true,
                    ["exitcode"] = 3,
                    ["out-data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("hello\n")),
                    ["err-data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("oops")),
                },
            }.ToJsonString() + "\n",
            _ => throw new InvalidOperationException(command),
        }));
        await using var agent = await GuestAgentClient.ConnectAsync(Socket, Timeout);

        var result = await agent.RunAsync("/bin/sh", ["-c", "echo hello; echo oops >&2; exit 3"], Timeout);

        Assert.True(result.Exited);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("hello\n", Encoding.UTF8.GetString(result.StandardOutput));
        Assert.Equal("oops", Encoding.UTF8.GetString(result.StandardError));
        var exec = JsonNode.Parse(Clean(server.Received[1]))!["arguments"]!;
        Assert.Equal("/bin/sh", exec["path"]!.GetValue<string>());
        Assert.Equal("-c", exec["arg"]![0]!.GetValue<string>());
        Assert.True(exec["capture-output"]!.GetValue<bool>());
        Assert.Equal(3, polls);
    }

    [Theory]
    [InlineData("{\"error\": {\"class\": 42, \"desc\": {\"x\": 1}}}\n", "42")]
    [InlineData("{\"error\": \"no\"}\n", "unknown")]
    public async Task ErrorAnswer_OfAnyShape_IsAQmpExceptionForThisCommand(string answer, string errorClass)
    {
        await using var server = new FakeUnixServer(Socket, [], line => Agent(line, (command, args) => command == "guest-sync-delimited" ? SyncAnswer(args!) : answer));
        await using var agent = await GuestAgentClient.ConnectAsync(Socket, Timeout);

        var error = await Assert.ThrowsAsync<QmpException>(() => agent.ExecuteAsync("guest-info"));
        Assert.Equal(errorClass, error.ErrorClass);
    }

    [Theory]
    [InlineData("{\"return\": {\"not\": \"a list\"}}\n")]
    [InlineData("{\"return\": [{\"hardware-address\": 7}]}\n")]
    [InlineData("{\"return\": [{\"hardware-address\": \"52:54:00:12:34:56\", \"ip-addresses\": \"10.0.0.2\"}]}\n")]
    public async Task MalformedInterfaceList_IsAQmpException_NotACrash(string answer)
    {
        await using var server = new FakeUnixServer(Socket, [], line => Agent(line, (command, args) => command == "guest-sync-delimited" ? SyncAnswer(args!) : answer));
        await using var agent = await GuestAgentClient.ConnectAsync(Socket, Timeout);

        var error = await Assert.ThrowsAsync<QmpException>(() => agent.NetworkInterfacesAsync());
        Assert.Equal("MalformedReply", error.ErrorClass);
    }

    [Fact]
    public async Task InterfaceAddresses_ThatAreNotAddresses_AreLeftOut()
    {
        const string answer = "{\"return\": [{\"hardware-address\": \"52:54:00:12:34:56\", \"ip-addresses\": [{\"ip-address\": \"10.0.0.2\"}, {\"ip-address\": \"\\u001b]52;c;eA==\\u0007\"}]}]}\n";
        await using var server = new FakeUnixServer(Socket, [], line => Agent(line, (command, args) => command == "guest-sync-delimited" ? SyncAnswer(args!) : answer));
        await using var agent = await GuestAgentClient.ConnectAsync(Socket, Timeout);

        var interfaces = await agent.NetworkInterfacesAsync();

        Assert.Equal(["10.0.0.2"], interfaces["52:54:00:12:34:56"]);
    }

    [Fact]
    public async Task OverLongReply_FailsThisCallOnly_WithAQmpException()
    {
        // More than the 64 MiB a line may hold: a hostile or broken guest, not a reason to run out of memory.
        var huge = "{\"return\": \"" + new string('x', 65 * 1024 * 1024) + "\"}\n";
        await using var server = new FakeUnixServer(Socket, [], line => Agent(line, (command, args) => command == "guest-sync-delimited" ? SyncAnswer(args!) : huge));
        await using var agent = await GuestAgentClient.ConnectAsync(Socket, Timeout);

        var error = await Assert.ThrowsAsync<QmpException>(() => agent.ExecuteAsync("guest-info"));
        Assert.Equal("MalformedReply", error.ErrorClass);
    }

    [Fact]
    public async Task Shutdown_NoReply_NextCommandResynchronizes()
    {
        await using var server = new FakeUnixServer(Socket, [], line => Agent(line, (command, args) => command switch
        {
            "guest-sync-delimited" => SyncAnswer(args!),
            "guest-shutdown" => "",
            "guest-ping" => "{\"return\": {}}\n",
            _ => throw new InvalidOperationException(command),
        }));
        await using var agent = await GuestAgentClient.ConnectAsync(Socket, Timeout);

        await agent.ShutdownAsync(GuestShutdownMode.Powerdown);
        Assert.True(await agent.PingAsync(Timeout));

        Assert.Equal(["guest-sync-delimited", "guest-shutdown", "guest-sync-delimited", "guest-ping"], server.Received.Select(Command));
        Assert.Equal("powerdown", JsonNode.Parse(Clean(server.Received[1]))!["arguments"]!["mode"]!.GetValue<string>());
    }

    [Fact]
    public async Task FileOpen_ErrorAnswer_ThrowsQmpException()
    {
        await using var server = new FakeUnixServer(Socket, [], line => Agent(line, (command, args) => command switch
        {
            "guest-sync-delimited" => SyncAnswer(args!),
            "guest-file-open" => "{\"error\": {\"class\": \"GenericError\", \"desc\": \"failed to open file '/nope/x' (mode: 'w'): No such file or directory\"}}\n",
            _ => throw new InvalidOperationException(command),
        }));
        await using var agent = await GuestAgentClient.ConnectAsync(Socket, Timeout);

        var error = await Assert.ThrowsAsync<QmpException>(() => agent.FileOpenAsync("/nope/x"));

        Assert.Equal("GenericError", error.ErrorClass);
        Assert.Contains("No such file", error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileWrite_SendsBase64AndCount()
    {
        await using var server = new FakeUnixServer(Socket, [], line => Agent(line, (command, args) => command switch
        {
            "guest-sync-delimited" => SyncAnswer(args!),
            "guest-file-open" => "{\"return\": 1000}\n",
            "guest-file-write" => "{\"return\": {\"count\": 5, \"eof\": false}}\n",
            "guest-file-close" => "{\"return\": {}}\n",
            _ => throw new InvalidOperationException(command),
        }));
        await using var agent = await GuestAgentClient.ConnectAsync(Socket, Timeout);

        var handle = await agent.FileOpenAsync("/etc/motd", "wb");
        var written = await agent.FileWriteAsync(handle, "hello"u8.ToArray());
        await agent.FileCloseAsync(handle);

        Assert.Equal(1000, handle);
        Assert.Equal(5, written);
        var write = JsonNode.Parse(Clean(server.Received[2]))!["arguments"]!;
        Assert.Equal("aGVsbG8=", write["buf-b64"]!.GetValue<string>());
        Assert.Equal(1000, write["handle"]!.GetValue<long>());
    }

    private string Socket => _dir.File("qga.sock");

    private static string SyncAnswer(JsonObject args) => "\u00ff" + new JsonObject { ["return"] = args["id"]!.DeepClone() }.ToJsonString() + "\n";

    /// <summary>The fake agent, like qemu-ga, ignores the 0xFF reset byte (it arrives as U+FFFD after UTF-8 decoding).</summary>
    private static string Clean(string line) => line.Replace("\ufffd", "", StringComparison.Ordinal);

    private static string Command(string line) => JsonNode.Parse(Clean(line))!["execute"]!.GetValue<string>();

    private static byte[] Agent(byte[] line, Func<string, JsonObject?, string> answer)
    {
        var request = JsonNode.Parse(line.Where(b => b != 0xFF).ToArray())!.AsObject();
        var reply = answer(request["execute"]!.GetValue<string>(), request["arguments"] as JsonObject);

        // "\u00ff" in the scripted answers stands for the raw delimiter byte, not its UTF-8 encoding.
        return reply.Select(c => c == '\u00ff' ? (byte)0xFF : (byte)c).ToArray();
    }
}
