namespace HyperNest.Qemu.Qmp;

/// <summary>QEMU's version as the QMP greeting and query-version report it.</summary>
public sealed record QmpVersion(int Major, int Minor, int Micro, string Package)
{
    public override string ToString() => $"{Major}.{Minor}.{Micro}";
}
