using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using HyperNest.Hosting;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Network;

/// <summary>
/// Test-Connection with ICMP echo (System.Net.NetworkInformation.Ping: a raw socket as root, else the
/// system's ping). Reachability is a fact about the network, not a host API rule, so no host call is made.
/// </summary>
[Cmdlet("Test", "Connection", Synopsis = "Pings a computer (ICMP echo); -Quiet returns only whether it answered.")]
public sealed class TestConnectionCommand : Cmdlet
{
    private const int BufferSize = 32;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ComputerName")]
    public string[] TargetName { get; set; } = [];

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int Count { get; set; } = 4;

    [Parameter]
    [ValidateRange(1, 120)]
    public int TimeoutSeconds { get; set; } = 5;

    [Parameter]
    public SwitchParameter Quiet { get; set; }

    protected internal override void ProcessRecord()
    {
        foreach (var target in TargetName)
        {
            var answered = PingTarget(target);
            if (Quiet)
            {
                WriteObject(answered);
            }
        }
    }

    private bool PingTarget(string target)
    {
        using var ping = new Ping();
        var answered = false;
        for (var i = 1; i <= Count; i++)
        {
            CancellationToken.ThrowIfCancellationRequested();
            PingReply reply;
            try
            {
                reply = ping.Send(target, TimeoutSeconds * 1000, new byte[BufferSize]);
            }
            catch (PingException ex)
            {
                if (!Quiet)
                {
                    var reason = ex.InnerException is SocketException socket ? socket.Message : ex.Message;
                    WriteError(new ErrorRecord($"Testing connection to computer '{target}' failed: {reason}", ErrorCategory.ResourceUnavailable, "TestConnectionException", target, CommandName));
                }

                return false;
            }

            answered |= reply.Status == IPStatus.Success;
            if (!Quiet)
            {
                WriteObject(new PingResult(i, Dns.GetHostName(), target, reply.Address?.ToString() ?? "", reply.RoundtripTime, reply.Status.ToString(), BufferSize));
            }

            if (i < Count)
            {
                // PowerShell waits a second between echoes, like ping(8).
                CancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(1));
            }
        }

        return answered;
    }
}
