using System.Management.Automation;
using HyperNest.PowerShell.Tests.Cmdlets.Network;
using HyperNest.PowerShell.Tests.TestSupport;

namespace HyperNest.PowerShell.Tests.Documents;

/// <summary>
/// The documents' lines pasted with their &lt;placeholders&gt; still in: a clear error that points at the
/// placeholder, and nothing reaches the host. For the cmdlet lines that is PowerShell's own parse error
/// (it reads '&lt;' as its reserved input-redirection operator, as pwsh on Windows does); netsh takes its
/// arguments raw, so Invoke-Netsh names the placeholder itself.
/// </summary>
public sealed class PlaceholderLineTests : IDisposable
{
    private readonly NetworkHostRecorder _host;
    private readonly PowerShellSession _session;

    public PlaceholderLineTests()
    {
        var (host, recorder) = NetworkHostRecorder.Create();
        _host = recorder;
        _session = new PowerShellSession(host);
    }

    public void Dispose() => _session.Dispose();

    [Theory]
    [MemberData(nameof(DocumentLines.CmdletLinesWithPlaceholders), MemberType = typeof(DocumentLines))]
    public void Invoke_CmdletLineWithPlaceholder_ParseErrorAtThePlaceholder(string line)
    {
        var exception = Assert.Throws<ParseException>(() => _session.Invoke(line));

        var error = Assert.Single(exception.Errors);
        Assert.Equal("RedirectionNotSupported", error.ErrorId);
        Assert.Equal("The '<' operator is reserved for future use.", error.Message);
        Assert.Equal(line.IndexOf("<VMName>", StringComparison.Ordinal) + 1, error.Extent.StartColumnNumber);
        Assert.Empty(_host.Calls);
    }

    [Fact]
    public void Invoke_NetshLineWithPlaceholder_ErrorNamesThePlaceholder()
    {
        var error = _session.Fails(DocumentLines.GuestDns);

        Assert.Equal(("NetshPlaceholder", ErrorCategory.InvalidArgument), (error.ErrorId(), error.CategoryInfo.Category));
        Assert.Contains("'<my DNS server>' is a placeholder", error.Message(), StringComparison.Ordinal);
        Assert.Empty(_host.Calls);
    }
}
