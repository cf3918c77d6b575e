using HyperNest.Hosting;
using HyperNest.Model;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Cmdlets.Images;

/// <summary>
/// An image build reports progress from the thread that reads the build tool's output; PowerShell only
/// accepts WriteProgress on the pipeline thread, so the cmdlet must relay it (it used to crash the process).
/// </summary>
public sealed class NewVmImageProgressTests
{
    [Fact]
    public void NewVmImage_ProgressFromAnotherThread_ReachesTheProgressStreamInOrder()
    {
        var (host, stub) = HostStub.Create();
        stub.Answers[nameof(IVirtualizationHost.NewImage)] = arguments =>
        {
            var progress = (IProgress<ProgressUpdate>)arguments[2]!;
            Task.Run(() =>
            {
                progress.Report(new ProgressUpdate("Building image tiny", "mmdebstrap", 10));
                progress.Report(new ProgressUpdate("Building image tiny", "kernel", 60));
            }).Wait();
            return new VmImage { Name = "tiny", RecipeHash = "abc", Built = true };
        };
        using var session = new PowerShellSession(host);

        var image = Assert.Single(session.Succeeds("New-VMImage -Name tiny"));

        Assert.Equal("tiny", ((VmImage)image!).Name);
        Assert.Equal(["mmdebstrap", "kernel"], session.Progress.Select(p => p.StatusDescription));
    }
}
