namespace HyperNest.Core.Tests.Qemu;

/// <summary>
/// A test that boots a real guest: runs only when HN_TEST_GUEST_IMAGE names a directory with vmlinuz,
/// initrd.img, disk.qcow2 (with qemu-guest-agent) and optionally cmdline, since the image is built elsewhere.
/// </summary>
public sealed class GuestImageFactAttribute : FactAttribute
{
    public const string Variable = "HN_TEST_GUEST_IMAGE";

    public GuestImageFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"set {Variable} to a guest image directory to boot a real guest";
        }
    }

    public static string Directory => Environment.GetEnvironmentVariable(Variable)!;
}
