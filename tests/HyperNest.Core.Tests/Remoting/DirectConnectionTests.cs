using System.Collections.Concurrent;
using System.IO.Pipes;
using System.Text;
using HyperNest.Remoting;

namespace HyperNest.Core.Tests.Remoting;

/// <summary>
/// The host's end of a VM's PowerShell Direct channel against a scripted guest: what a misbehaving guest
/// sends ends only the session it was for, and a lost channel ends every session at once (no hang).
/// </summary>
public sealed class DirectConnectionTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly AnonymousPipeServerStream _hostToGuest = new(PipeDirection.Out);
    private readonly AnonymousPipeServerStream _guestToHost = new(PipeDirection.Out);
    private readonly AnonymousPipeClientStream _guestReads;
    private readonly AnonymousPipeClientStream _hostReads;
    private readonly DirectConnection _connection;
    private readonly StreamReader _guestIn;

    public DirectConnectionTests()
    {
        _guestReads = new AnonymousPipeClientStream(PipeDirection.In, _hostToGuest.ClientSafePipeHandle);
        _hostReads = new AnonymousPipeClientStream(PipeDirection.In, _guestToHost.ClientSafePipeHandle);
        _connection = new DirectConnection(new DuplexStream(_hostReads, _hostToGuest), "L1");
        _guestIn = new StreamReader(_guestReads, Encoding.UTF8);
    }

    public void Dispose()
    {
        // The guest's end first: the reader thread sees the end of its pipe (closing a pipe under a blocked read would wait for it).
        _guestToHost.Dispose();
        _connection.Dispose();
        _guestIn.Dispose();
    }

    private void GuestSends(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        _guestToHost.Write(bytes);
        _guestToHost.Flush();
    }

    private string? GuestReads() => _guestIn.ReadLine();

    private (RecordingSink First, RecordingSink Second) TwoSessions()
    {
        var handshake = Task.Run(() => _connection.Handshake(Wait));
        Assert.Equal("hello", GuestReads());
        GuestSends("ready\n");
        handshake.Wait(Wait);
        var first = new RecordingSink();
        var second = new RecordingSink();
        Assert.Equal(1, _connection.OpenSession(first));
        Assert.Equal(2, _connection.OpenSession(second));
        Assert.Equal("open 1", GuestReads());
        Assert.Equal("open 2", GuestReads());
        return (first, second);
    }

    [Fact]
    public void Lines_GoToTheirOwnSession_AndTheHostsLinesCarryTheChannel()
    {
        var (first, second) = TwoSessions();

        GuestSends("data 2 <Data PSGuid='x'>two</Data>\ndata 1 one\n");
        _connection.SendLine(1, "<Command />");

        Assert.Equal("data 1 <Command />", GuestReads());
        Assert.Equal("one", first.NextLine());
        Assert.Equal("<Data PSGuid='x'>two</Data>", second.NextLine());
    }

    [Fact]
    public void GuestSendsGarbageAndAnOverlongLine_OnlyThatSessionEnds()
    {
        var (first, second) = TwoSessions();

        GuestSends("\u0001\u0002 not a channel line\nclose x\ndata 1 " + new string('x', DirectMessage.MaxLineBytes + 10) + "\ndata 2 still here\n");

        Assert.Equal("still here", second.NextLine());
        Assert.Contains("longer than 1 MB", first.EndedReason());
        Assert.Equal("close 1", GuestReads());
        Assert.Null(second.Ended);
        _connection.SendLine(2, "more");
        Assert.Equal("data 2 more", GuestReads());
    }

    [Fact]
    public void GuestServerEnds_ThatSessionEndsAndTheOtherGoesOn()
    {
        var (first, second) = TwoSessions();

        GuestSends("close 1\ndata 2 fine\n");

        Assert.Equal("fine", second.NextLine());
        Assert.Contains("session in virtual machine 'L1' ended", first.EndedReason());
        Assert.Equal(1, _connection.SessionCount);
    }

    [Fact]
    public void ChannelLost_EverySessionEndsAtOnceWithTheReason()
    {
        var (first, second) = TwoSessions();

        _guestToHost.Dispose();

        Assert.Contains("closed its PowerShell Direct channel", first.EndedReason());
        Assert.Contains("the VM stopped or restarted", second.EndedReason());
        Assert.True(_connection.IsBroken);
        Assert.Throws<IOException>(() => _connection.SendLine(1, "x"));
    }

    [Fact]
    public void Handshake_NoReady_TimesOutInsteadOfHanging()
    {
        var error = Assert.Throws<TimeoutException>(() => _connection.Handshake(TimeSpan.FromMilliseconds(200)));

        Assert.Contains("did not answer", error.Message);
    }

    private sealed class RecordingSink : IDirectSessionSink
    {
        private readonly BlockingCollection<string> _lines = [];
        private readonly TaskCompletionSource<string> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string? Ended => _ended.Task.IsCompleted ? _ended.Task.Result : null;

        public void OnLine(string line) => _lines.Add(line);

        public void OnEnded(string reason) => _ended.TrySetResult(reason);

        public string NextLine() => _lines.TryTake(out var line, Wait) ? line : throw new TimeoutException("no line came");

        public string EndedReason() => _ended.Task.Wait(Wait) ? _ended.Task.Result : throw new TimeoutException("the session did not end");
    }
}
