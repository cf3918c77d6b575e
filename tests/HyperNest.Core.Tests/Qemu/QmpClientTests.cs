using System.Text.Json.Nodes;
using HyperNest.Qemu.Qmp;

namespace HyperNest.Core.Tests.Qemu;

public sealed class QmpClientTests : IDisposable
{
    // QEMU 7.2's greeting, verbatim shape.
    private const string Greeting = """{"QMP": {"version": {"qemu": {"micro": 22, "minor": 2, "major": 7}, "package": "Debian 1:7.2+dfsg-7+deb12u18+b3"}, "capabilities": ["oob"]}}""" + "\r\n";
    private const string StopEvent = """{"timestamp": {"seconds": 1763784000, "microseconds": 250000}, "event": "STOP"}""" + "\r\n";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly TestTempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Connect_RealGreeting_ReportsVersionAndSendsCapabilities()
    {
        await using var server = Serve((_, _) => """{"return": {}}""");
        await using var client = await QmpClient.ConnectAsync(Socket, Timeout);

        Assert.Equal(new QmpVersion(7, 2, 22, "Debian 1:7.2+dfsg-7+deb12u18+b3"), client.Version);
        Assert.Equal("qmp_capabilities", Command(server.Received[0]));
    }

    [Fact]
    public async Task QueryStatus_EventArrivesBeforeAnswer_ReturnsStatusAndKeepsEvent()
    {
        await using var server = Serve((command, _) => command == "query-status"
            ? StopEvent.TrimEnd() + "\r\n" + """{"return": {"status": "paused", "singlestep": false, "running": false}}"""
            : """{"return": {}}""");
        await using var client = await QmpClient.ConnectAsync(Socket, Timeout);

        var status = await client.QueryStatusAsync();

        Assert.Equal(new QmpStatus("paused", false), status);
        Assert.True(status.IsPaused);
        var stop = await client.WaitForEventAsync(QmpEventNames.Stop, TimeSpan.FromMilliseconds(100));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1763784000).AddMilliseconds(250), stop.Timestamp);
    }

    [Fact]
    public async Task Execute_ErrorAnswer_ThrowsQmpExceptionWithClassAndDescription()
    {
        await using var server = Serve((command, _) => command == "migrate"
            ? """{"error": {"class": "GenericError", "desc": "There's a migration process in progress"}}"""
            : """{"return": {}}""");
        await using var client = await QmpClient.ConnectAsync(Socket, Timeout);

        var error = await Assert.ThrowsAsync<QmpException>(() => client.MigrateAsync("exec:cat > /tmp/x"));

        Assert.Equal("GenericError", error.ErrorClass);
        Assert.Equal("There's a migration process in progress", error.Description);
        Assert.Equal("migrate", error.Command);
    }

    [Fact]
    public async Task WaitForEvent_EventAfterCommand_CompletesWaiter()
    {
        await using var server = Serve((command, _) => command == "system_powerdown"
            ? """{"return": {}}""" + "\r\n" + """{"timestamp": {"seconds": 1, "microseconds": 0}, "event": "POWERDOWN"}"""
            : """{"return": {}}""");
        await using var client = await QmpClient.ConnectAsync(Socket, Timeout);

        var waiting = client.WaitForEventAsync(QmpEventNames.Powerdown, Timeout);
        await client.SystemPowerdownAsync();

        Assert.Equal("POWERDOWN", (await waiting).Name);
    }

    [Fact]
    public async Task WaitForEvent_ShutdownData_ExposesReason()
    {
        await using var server = Serve((command, _) => command == "quit"
            ? """{"timestamp": {"seconds": 1, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}""" + "\r\n" + """{"return": {}}"""
            : """{"return": {}}""");
        await using var client = await QmpClient.ConnectAsync(Socket, Timeout);

        await client.QuitAsync();
        var shutdown = await client.WaitForEventAsync(QmpEventNames.Shutdown, Timeout);

        Assert.Equal("host-qmp-quit", shutdown.ShutdownReason);
        Assert.False(shutdown.GuestInitiated);
    }

    [Fact]
    public async Task WaitForEvent_NoEvent_ThrowsTimeout()
    {
        await using var server = Serve((_, _) => """{"return": {}}""");
        await using var client = await QmpClient.ConnectAsync(Socket, Timeout);

        await Assert.ThrowsAsync<TimeoutException>(() => client.WaitForEventAsync(QmpEventNames.Shutdown, TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task Execute_ArgumentsAndIds_AreSentAsJson()
    {
        await using var server = Serve((command, _) => command == "human-monitor-command"
            ? """{"return": "EFER=0000000000001d01\r\n"}"""
            : """{"return": {}}""");
        await using var client = await QmpClient.ConnectAsync(Socket, Timeout);

        var text = await client.HumanMonitorCommandAsync("info registers");

        Assert.Equal("EFER=0000000000001d01\r\n", text);
        var request = JsonNode.Parse(server.Received[1])!.AsObject();
        Assert.Equal("info registers", request["arguments"]!["command-line"]!.GetValue<string>());
        Assert.NotEqual(JsonNode.Parse(server.Received[0])!["id"]!.ToString(), request["id"]!.ToString());
    }

    [Fact]
    public async Task Execute_NoAnswer_ThrowsTimeout()
    {
        await using var server = Serve((command, _) => command == "stop" ? "" : """{"return": {}}""");
        await using var client = await QmpClient.ConnectAsync(Socket, Timeout);
        client.CommandTimeout = TimeSpan.FromMilliseconds(200);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.StopAsync());
        Assert.Contains("stop", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quit_ServerClosesWithoutAnswer_Succeeds_AndLaterCommandsFail()
    {
        FakeUnixServer? server = null;
        server = Serve((command, _) => command == "quit" ? null : """{"return": {}}""");
        await using (server)
        {
            await using var client = await QmpClient.ConnectAsync(Socket, Timeout);

            await client.QuitAsync();

            await Assert.ThrowsAsync<QmpConnectionClosedException>(() => client.QueryStatusAsync());
            Assert.False(client.IsConnected);
        }
    }

    [Fact]
    public async Task Connect_SocketAppearsLater_Retries()
    {
        var connecting = QmpClient.ConnectAsync(Socket, Timeout);
        await Task.Delay(300);
        await using var server = Serve((_, _) => """{"return": {}}""");

        await using var client = await connecting;

        Assert.Equal(7, client.Version.Major);
    }

    [Fact]
    public async Task QueryMigrate_Completed_ParsesRamCounters()
    {
        await using var server = Serve((command, _) => command == "query-migrate"
            ? """{"return": {"status": "completed", "ram": {"transferred": 1048576, "total": 67108864}}}"""
            : """{"return": {}}""");
        await using var client = await QmpClient.ConnectAsync(Socket, Timeout);

        var info = await client.QueryMigrateAsync();

        Assert.Equal(new QmpMigrationInfo("completed", 1048576, 67108864, null), info);
    }

    private string Socket => _dir.File("qmp.sock");

    private static string Command(string line) => JsonNode.Parse(line)!["execute"]!.GetValue<string>();

    /// <summary>A fake QEMU: answers "command" with the returned JSON (id added); null closes the connection.</summary>
    private FakeUnixServer Serve(Func<string, JsonObject, string?> answer) => new(Socket, FakeUnixServer.Utf8(Greeting), line =>
    {
        var request = JsonNode.Parse(line)!.AsObject();
        var reply = answer(request["execute"]!.GetValue<string>(), request);
        if (reply is null)
        {
            throw new IOException("fake QEMU quits");
        }

        if (reply.Length == 0)
        {
            return [];
        }

        var lines = reply.Split("\r\n").Select(text =>
        {
            var message = JsonNode.Parse(text)!.AsObject();
            if (message.ContainsKey("return") || message.ContainsKey("error"))
            {
                message["id"] = request["id"]!.DeepClone();
            }

            return message.ToJsonString();
        });
        return FakeUnixServer.Utf8(string.Join("\r\n", lines) + "\r\n");
    });
}
