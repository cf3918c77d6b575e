using HyperNest.Qemu;

namespace HyperNest.Core.Tests.Qemu;

public sealed class QemuCpuRegistersTests
{
    [Fact]
    public void Parse_AllCpus_SvmeSetOnSecondCpuOnly()
    {
        const string text = """

            CPU#0
            EIP=0000b7b9 EFL=00000246 [---Z-P-] CPL=0 II=0 A20=1 SMM=0 HLT=1
            CR0=00000010 CR2=00000000 CR3=00000000 CR4=00000000
            EFER=0000000000000000

            CPU#1
            RIP=ffffffff81c3a5ae RFL=00000246 [---Z-P-] CPL=0 II=0 A20=1 SMM=0 HLT=1
            CR0=80050033 CR2=00007f3a2c0b1000 CR3=0000000002a1c000 CR4=00350ef0
            EFER=0000000000001d01
            """;

        var cpus = QemuCpuRegisters.Parse(text);

        Assert.Equal([new QemuCpuRegisters(0, 0, 0), new QemuCpuRegisters(1, 0x1d01, 0x350ef0)], cpus);
        Assert.False(cpus[0].HypervisorActive);
        Assert.True(cpus[1].SvmEnabled);
        Assert.False(cpus[1].VmxEnabled);
    }

    [Fact]
    public void Parse_SingleCpuWithoutHeader_VmxeInCr4()
    {
        var cpus = QemuCpuRegisters.Parse("CR0=80050033 CR2=0 CR3=1000 CR4=0000000000372ef0\nEFER=0000000000000d01\n");

        var cpu = Assert.Single(cpus);
        Assert.True(cpu.VmxEnabled);
        Assert.False(cpu.SvmEnabled);
    }
}
