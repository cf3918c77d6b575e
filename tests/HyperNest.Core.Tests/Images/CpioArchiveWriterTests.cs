using System.Globalization;
using System.Text;
using HyperNest.Images;

namespace HyperNest.Tests.Images;

public sealed class CpioArchiveWriterTests
{
    [Fact]
    public void WritesNewcEntriesThatReadBack()
    {
        using var stream = new MemoryStream();
        var writer = new CpioArchiveWriter(stream);
        writer.AddDirectory("bin");
        writer.AddFile("/init", Encoding.ASCII.GetBytes("#!/bin/sh\n"), 0x1ED);
        writer.AddSymlink("bin/sh", "busybox");
        writer.AddCharacterDevice("dev/console", 0x180, 5, 1);
        writer.Finish();

        var entries = Read(stream.ToArray());

        Assert.Equal(["bin", "init", "bin/sh", "dev/console", "TRAILER!!!"], entries.Select(e => e.Name));
        Assert.Equal(0x41ED, entries[0].Mode);
        Assert.Equal(0x81ED, entries[1].Mode);
        Assert.Equal("#!/bin/sh\n", entries[1].Data);
        Assert.Equal(0xA1FF, entries[2].Mode);
        Assert.Equal("busybox", entries[2].Data);
        Assert.Equal(0x2180, entries[3].Mode);
        Assert.Equal((5, 1), (entries[3].RdevMajor, entries[3].RdevMinor));
    }

    private sealed record Entry(string Name, int Mode, string Data, int RdevMajor, int RdevMinor);

    private static List<Entry> Read(byte[] archive)
    {
        var entries = new List<Entry>();
        var offset = 0;
        while (true)
        {
            Assert.Equal("070701", Encoding.ASCII.GetString(archive, offset, 6));
            int Field(int index) => int.Parse(Encoding.ASCII.GetString(archive, offset + 6 + (index * 8), 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var mode = Field(1);
            var size = Field(6);
            var nameSize = Field(11);
            var name = Encoding.UTF8.GetString(archive, offset + 110, nameSize - 1);
            Assert.Equal(0, archive[offset + 110 + nameSize - 1]);
            var dataStart = Align(offset + 110 + nameSize);
            entries.Add(new Entry(name, mode, Encoding.UTF8.GetString(archive, dataStart, size), Field(9), Field(10)));
            offset = Align(dataStart + size);
            if (name == "TRAILER!!!")
            {
                Assert.Equal(archive.Length, offset);
                return entries;
            }
        }
    }

    private static int Align(int value) => (value + 3) & ~3;
}
