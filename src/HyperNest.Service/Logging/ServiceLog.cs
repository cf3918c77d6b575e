using System.Net.Sockets;
using HyperNest.Model;

namespace HyperNest.Service.Logging;

/// <summary>
/// hypernestd's log: every operation with its outcome, what the supervisor, the sampler and the balancer
/// saw, and every VM event (each start's QEMU command line among them), as structured entries. To journald
/// where systemd started the service with its stderr on the journal, else JSON lines on stderr (the home's
/// log file). An entry journald refuses (its socket gone, an entry too big) is written as a line instead:
/// the log loses nothing.
/// </summary>
internal sealed class ServiceLog : IDisposable
{
    public const string Identifier = "hypernestd";

    private readonly JournalWriter? _journal;
    private readonly JsonLinesWriter _lines;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _common;
    private readonly Lock _writing = new();
    private readonly TimeProvider _clock;

    public ServiceLog(TextWriter lines, JournalWriter? journal, string home, TimeProvider? clock = null)
    {
        _lines = new JsonLinesWriter(lines);
        _journal = journal;
        _common = [new(LogFields.Home, home)];
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The service's own log: journald when stderr is the journal, else stderr as JSON lines.</summary>
    public static ServiceLog ForService(string home) =>
        new(Console.Error, JournalWriter.StderrIsTheJournal() ? new JournalWriter() : null, home);

    /// <summary>A service log that writes nowhere (an API server in a test that does not read it).</summary>
    public static ServiceLog None() => new(TextWriter.Null, null, "");

    public void Info(string component, string message, params KeyValuePair<string, string>[] fields) =>
        Write(LogPriority.Information, component, message, fields);

    public void Warning(string component, string message, params KeyValuePair<string, string>[] fields) =>
        Write(LogPriority.Warning, component, message, fields);

    public void Error(string component, string message, params KeyValuePair<string, string>[] fields) =>
        Write(LogPriority.Error, component, message, fields);

    /// <summary>A VM's event (Get-VMEvent shows the same), with the VM's id and name as fields.</summary>
    public void VmEvent(VmEvent vmEvent) => Write(
        vmEvent.Level switch { VmEventLevel.Error => LogPriority.Error, VmEventLevel.Warning => LogPriority.Warning, _ => LogPriority.Information },
        "vm event",
        vmEvent.Message,
        [Field(LogFields.VmId, vmEvent.VMId.ToString("D")), Field(LogFields.VmName, vmEvent.VMName)]);

    public static KeyValuePair<string, string> Field(string name, string value) => new(name, value);

    public void Write(LogPriority priority, string component, string message, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        var entry = new LogEntry(_clock.GetUtcNow(), priority, message, [Field(LogFields.Component, component), .. fields, .. _common]);
        lock (_writing)
        {
            if (_journal is not null)
            {
                try
                {
                    _journal.Write(entry, Identifier);
                    return;
                }
                catch (SocketException)
                {
                    // Below: the line goes to stderr, which systemd also hands to the journal.
                }
            }

            _lines.Write(entry);
        }
    }

    public void Dispose() => _journal?.Dispose();
}
