using HyperNest.Qemu;

namespace HyperNest.Core.Tests.Qemu;

public sealed class QemuLogFileTests
{
    [Theory]
    [InlineData("2026-11-22T04:14:00.123456Z qemu-system-x86_64: terminating on signal 15 from pid 10521 (bash)", "terminating on signal 15 from pid 10521 (bash)")]
    [InlineData("qemu-system-x86_64: warning: TCG doesn't support requested feature", "warning: TCG doesn't support requested feature")]
    [InlineData("plain text", "plain text")]
    public void StripPrefixes_TimestampAndProgram(string line, string expected)
    {
        Assert.Equal(expected, QemuLogFile.StripPrefixes(line));
    }

    [Fact]
    public void LastMessage_MissingFile_IsNull()
    {
        Assert.Null(QemuLogFile.LastMessage("/nonexistent/qemu.log"));
    }
}
