namespace HyperNest.Shell.Commands.Network;

/// <summary>One echo of Test-Connection, shaped like PowerShell 7's PingStatus.</summary>
public sealed record PingResult(int Ping, string Source, string Destination, string Address, long Latency, string Status, int BufferSize);
