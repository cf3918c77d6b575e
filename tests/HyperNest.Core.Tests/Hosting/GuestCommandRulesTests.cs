using System.Text;
using HyperNest.Hosting;
using HyperNest.Model;

namespace HyperNest.Core.Tests.Hosting;

public sealed class GuestCommandRulesTests : IDisposable
{
    private readonly HostFixture _fixture = new();
    private readonly string _source;

    public GuestCommandRulesTests()
    {
        _source = Path.Combine(Directory.CreateTempSubdirectory("hn-guest-src-").FullName, "payload.txt");
        File.WriteAllText(_source, "from the host\n");
    }

    private VirtualizationHost Host => _fixture.Host;

    private FakeVmBackend Backend => _fixture.Backend;

    public void Dispose()
    {
        _fixture.Dispose();
        Directory.Delete(Path.GetDirectoryName(_source)!, recursive: true);
    }

    private void RunningVm(string name = "l1")
    {
        Host.NewVm(new NewVmRequest { Name = name, NoVhd = true });
        Host.StartVm(name);
    }

    [Fact]
    public void PowerShellDirect_Running_TargetsThatVmAndConnectsToItsEndpoint()
    {
        RunningVm();
        using var endpoint = new MemoryStream();
        Backend.PowerShellDirectPort = endpoint;

        var target = Host.GetPowerShellDirectTarget("L1");

        Assert.Equal(("l1", Host.GetVm("l1").Id), (target.VmName, target.VmId));
        Assert.Same(endpoint, target.Connect());
    }

    [Fact]
    public void PowerShellDirect_VmOff_IsRefusedAsHyperVDoes()
    {
        Host.NewVm(new NewVmRequest { Name = "l1", NoVhd = true });

        var error = Assert.Throws<HostException>(() => Host.GetPowerShellDirectTarget("l1"));

        Assert.Equal("VMNotRunning", error.ErrorId);
        Assert.Contains("The virtual machine 'l1' is not in running state", error.Message);
    }

    [Fact]
    public void PowerShellDirect_NoEndpointInTheGuest_SaysWhyAndWhatToDo()
    {
        RunningVm();
        Backend.PowerShellDirectPort = null;
        _fixture.Clock.Offset = TimeSpan.FromMinutes(10); // long after its start: the endpoint had all the time it gets

        var error = Assert.Throws<HostException>(() => Host.GetPowerShellDirectTarget("l1").Connect());

        Assert.Equal("PowerShellDirectEndpointNotRunning", error.ErrorId);
        Assert.Contains("no PowerShell endpoint runs in the guest", error.Message);
        Assert.Contains("Wait-VM 'l1' -For Heartbeat", error.Message);
    }

    [Fact]
    public void PowerShellDirect_EndpointStartsAfterHeartbeat_TheConnectWaitsForIt()
    {
        RunningVm();
        using var endpoint = new MemoryStream();
        var asked = 0;
        Backend.PowerShellDirectPortFor = () => ++asked < 3 ? null : endpoint;

        Assert.Same(endpoint, Host.GetPowerShellDirectTarget("l1").Connect());
        Assert.Equal(3, asked);
    }

    [Fact]
    public void PowerShellDirect_VmGoneWhileConnecting_IsAConnectionError()
    {
        RunningVm();
        Backend.PowerShellDirectFailure = new IOException("Connection refused");

        var error = Assert.Throws<HostException>(() => Host.GetPowerShellDirectTarget("l1").Connect());

        Assert.Equal((ErrorCategory.ConnectionError, "PowerShellDirectUnreachable"), (error.Category, error.ErrorId));
        Assert.Contains("Connection refused", error.Message);
    }

    [Fact]
    public void CopyFile_NewFileInExistingFolder_IsWrittenWithTheSourceContent()
    {
        RunningVm();
        var guest = new GuestFolders(Backend, "/root");

        Host.CopyFileToGuest("l1", _source, "/root/x", createFullPath: false, force: false);

        Assert.Equal("from the host\n", Encoding.UTF8.GetString(Backend.GuestFiles["/root/x"]));
        Assert.Empty(guest.Created);
        Assert.Contains(Backend.GuestExecutions, call => call.Arguments[1].StartsWith(": >", StringComparison.Ordinal) && call.Arguments[^1] == "/root/x");
    }

    [Fact]
    public void CopyFile_VmOff_IsRefusedAndNothingWritten()
    {
        Host.NewVm(new NewVmRequest { Name = "l1", NoVhd = true });

        var error = Assert.Throws<HostException>(() => Host.CopyFileToGuest("l1", _source, "/root/x", false, false));

        Assert.Equal("VMNotRunning", error.ErrorId);
        Assert.Empty(Backend.GuestFiles);
    }

    [Fact]
    public void CopyFile_AgentSilent_IsRefused()
    {
        RunningVm();
        Backend.AgentAnswers = false;

        var error = Assert.Throws<HostException>(() => Host.CopyFileToGuest("l1", _source, "/root/x", false, false));

        Assert.Equal("GuestAgentNotResponding", error.ErrorId);
        Assert.Empty(Backend.GuestFiles);
    }

    [Fact]
    public void CopyFile_SourceMissing_IsRefusedBeforeTouchingTheGuest()
    {
        RunningVm();

        var error = Assert.Throws<HostException>(() => Host.CopyFileToGuest("l1", _source + ".missing", "/root/x", false, false));

        Assert.Equal("SourceFileNotFound", error.ErrorId);
        Assert.Empty(Backend.GuestExecutions);
    }

    [Fact]
    public void CopyFile_RelativeDestination_IsRefused()
    {
        RunningVm();
        _ = new GuestFolders(Backend, "/root");

        var error = Assert.Throws<HostException>(() => Host.CopyFileToGuest("l1", _source, "root/x", false, false));

        Assert.Equal("InvalidParameter", error.ErrorId);
        Assert.Empty(Backend.GuestFiles);
    }

    [Fact]
    public void CopyFile_DestinationExistsWithoutForce_IsRefusedAndKept()
    {
        RunningVm();
        _ = new GuestFolders(Backend, "/root");
        Backend.GuestFiles["/root/x"] = [1, 2];

        var error = Assert.Throws<HostException>(() => Host.CopyFileToGuest("l1", _source, "/root/x", false, false));

        Assert.Equal("DestinationFileExists", error.ErrorId);
        Assert.Contains("-Force", error.Message);
        Assert.Equal([1, 2], Backend.GuestFiles["/root/x"]);
    }

    [Fact]
    public void CopyFile_DestinationExistsWithForce_IsOverwritten()
    {
        RunningVm();
        _ = new GuestFolders(Backend, "/root");
        Backend.GuestFiles["/root/x"] = [1, 2];

        Host.CopyFileToGuest("l1", _source, "/root/x", false, force: true);

        Assert.Equal("from the host\n", Encoding.UTF8.GetString(Backend.GuestFiles["/root/x"]));
    }

    [Fact]
    public void CopyFile_MissingFolderWithoutCreateFullPath_IsRefusedWithAdvice()
    {
        RunningVm();
        var guest = new GuestFolders(Backend, "/root");

        var error = Assert.Throws<HostException>(() => Host.CopyFileToGuest("l1", _source, "/root/a/b/x", false, false));

        Assert.Equal("DestinationFolderNotFound", error.ErrorId);
        Assert.Contains("'/root/a/b'", error.Message);
        Assert.Contains("-CreateFullPath", error.Message);
        Assert.Empty(guest.Created);
        Assert.Empty(Backend.GuestFiles);
    }

    [Fact]
    public void CopyFile_MissingFolderWithCreateFullPath_CreatesItThenWrites()
    {
        RunningVm();
        var guest = new GuestFolders(Backend, "/root");

        Host.CopyFileToGuest("l1", _source, "/root/a/b/x", createFullPath: true, force: false);

        Assert.Equal(["/root/a/b"], guest.Created);
        Assert.True(Backend.GuestFiles.ContainsKey("/root/a/b/x"));
    }

    [Fact]
    public void CopyFile_DestinationIsAFolder_FileKeepsItsName()
    {
        RunningVm();
        _ = new GuestFolders(Backend, "/root");

        Host.CopyFileToGuest("l1", _source, "/root/", false, false);

        Assert.Equal(["/root/payload.txt"], Backend.GuestFiles.Keys);
    }

    [Fact]
    public void CopyFile_GuestCannotCreateFolder_IsAnErrorWithTheGuestsWords()
    {
        RunningVm();
        var guest = new GuestFolders(Backend, "/root") { MkdirError = "mkdir: can't create directory '/root/a': Read-only file system" };

        var error = Assert.Throws<HostException>(() => Host.CopyFileToGuest("l1", _source, "/root/a/x", true, false));

        Assert.Contains("Read-only file system", error.Message);
        Assert.Empty(Backend.GuestFiles);
    }

    /// <summary>
    /// A guest file system for the fake backend: answers the host's path probe (a /bin/sh script given the
    /// path as $1) from its folders and the backend's files, and records `mkdir -p`.
    /// </summary>
    private sealed class GuestFolders
    {
        private readonly HashSet<string> _folders;
        private readonly FakeVmBackend _backend;

        public GuestFolders(FakeVmBackend backend, params string[] folders)
        {
            _backend = backend;
            _folders = ["/", .. folders];
            backend.GuestProgram = Answer;
        }

        public List<string> Created { get; } = [];

        public string? MkdirError { get; init; }

        private GuestCommandResult Answer(string path, IReadOnlyList<string> arguments)
        {
            Assert.Equal("/bin/sh", path);
            var target = arguments[^1];
            var parent = target.TrimEnd('/').LastIndexOf('/') is var cut && cut <= 0 ? "/" : target[..cut];
            if (arguments[1].StartsWith("mkdir -p", StringComparison.Ordinal) || arguments[1].StartsWith(": >", StringComparison.Ordinal))
            {
                if (MkdirError is not null)
                {
                    return new GuestCommandResult(1, "", MkdirError + "\n");
                }

                if (arguments[1].StartsWith("mkdir -p", StringComparison.Ordinal))
                {
                    Created.Add(parent);
                }

                Assert.True(_folders.Contains(parent) || Created.Contains(parent), $"the guest has no folder {parent} to create {target} in");
                _backend.GuestFiles[target] = [];
                return new GuestCommandResult(0, "", "");
            }

            var kind = _folders.Contains(target.TrimEnd('/').Length == 0 ? "/" : target.TrimEnd('/')) ? "dir"
                : _backend.GuestFiles.ContainsKey(target) ? "file"
                : _folders.Contains(parent) ? "absent"
                : "noparent";
            return new GuestCommandResult(0, kind + "\n", "");
        }
    }
}
