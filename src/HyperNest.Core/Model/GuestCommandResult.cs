namespace HyperNest.Model;

/// <summary>What a program run inside a guest (PowerShell Direct's analogue) left behind.</summary>
public sealed record GuestCommandResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;
}
