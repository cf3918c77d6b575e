using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace HyperNest.Network.Dns;

/// <summary>
/// Encodes a one-question query and decodes a response (RFC 1035 §4). Only what Resolve-DnsName needs:
/// A and CNAME answers; other record types are skipped by their RDLENGTH. Name compression pointers
/// (§4.1.4) are followed, with a hop limit so a malicious loop cannot hang the shell.
/// </summary>
public static class DnsMessage
{
    public const ushort TypeA = 1;
    public const ushort TypeCname = 5;
    private const ushort ClassIn = 1;
    private const int MaxPointerHops = 32;

    public static byte[] EncodeQuery(ushort id, string name, ushort type)
    {
        var bytes = new List<byte>(64);
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(header, id);
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], 0x0100); // standard query, recursion desired
        BinaryPrimitives.WriteUInt16BigEndian(header[4..], 1); // QDCOUNT
        bytes.AddRange(header.ToArray());
        foreach (var label in name.TrimEnd('.').Split('.'))
        {
            var encoded = Encoding.ASCII.GetBytes(label);
            if (encoded.Length is 0 or > 63)
            {
                throw new ArgumentException($"'{name}' is not a valid DNS name (each label must be 1 to 63 characters).", nameof(name));
            }

            bytes.Add((byte)encoded.Length);
            bytes.AddRange(encoded);
        }

        bytes.Add(0);
        bytes.Add((byte)(type >> 8));
        bytes.Add((byte)type);
        bytes.Add(0);
        bytes.Add((byte)ClassIn);
        return bytes.ToArray();
    }

    /// <summary>Decodes the response to query <paramref name="id"/>: its RCODE and its answer section.</summary>
    public static (ushort Id, DnsResponseCode Code, IReadOnlyList<DnsRecord> Answers) DecodeResponse(ReadOnlySpan<byte> message)
    {
        if (message.Length < 12)
        {
            throw new FormatException("The DNS response is shorter than its header.");
        }

        var id = BinaryPrimitives.ReadUInt16BigEndian(message);
        var flags = BinaryPrimitives.ReadUInt16BigEndian(message[2..]);
        var questions = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        var answers = BinaryPrimitives.ReadUInt16BigEndian(message[6..]);
        var offset = 12;
        for (var i = 0; i < questions; i++)
        {
            ReadName(message, ref offset);
            offset += 4; // QTYPE, QCLASS
        }

        var records = new List<DnsRecord>();
        for (var i = 0; i < answers; i++)
        {
            var name = ReadName(message, ref offset);
            var fixedPart = Slice(message, offset, 10);
            var type = BinaryPrimitives.ReadUInt16BigEndian(fixedPart);
            var ttl = BinaryPrimitives.ReadUInt32BigEndian(fixedPart[4..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(fixedPart[8..]);
            offset += 10;
            var data = Slice(message, offset, length);
            switch (type)
            {
                case TypeA when length == 4:
                    records.Add(new DnsRecord(name, "A", ttl, "Answer", new IPAddress(data).ToString(), null));
                    break;
                case TypeCname:
                    var target = offset;
                    records.Add(new DnsRecord(name, "CNAME", ttl, "Answer", null, ReadName(message, ref target)));
                    break;
            }

            offset += length;
        }

        return (id, (DnsResponseCode)(flags & 0x000F), records);
    }

    private static string ReadName(ReadOnlySpan<byte> message, ref int offset)
    {
        var labels = new List<string>();
        var position = offset;
        var jumped = false;
        for (var hops = 0; ; hops++)
        {
            var length = Slice(message, position, 1)[0];
            if (length == 0)
            {
                position++;
                break;
            }

            if ((length & 0xC0) == 0xC0)
            {
                if (hops >= MaxPointerHops)
                {
                    throw new FormatException("The DNS response's name compression pointers loop.");
                }

                var pointer = BinaryPrimitives.ReadUInt16BigEndian(Slice(message, position, 2)) & 0x3FFF;
                if (!jumped)
                {
                    offset = position + 2;
                    jumped = true;
                }

                position = pointer;
                continue;
            }

            labels.Add(Encoding.ASCII.GetString(Slice(message, position + 1, length)));
            position += 1 + length;
        }

        if (!jumped)
        {
            offset = position;
        }

        return string.Join('.', labels);
    }

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> message, int start, int length) =>
        start >= 0 && start + length <= message.Length
            ? message.Slice(start, length)
            : throw new FormatException("The DNS response is truncated.");
}
