using DualStack.Analyzers.Rules;
using DualStack.Analyzers.Tests.Sockets;

namespace DualStack.Analyzers.Tests.Rules;

public sealed class DS1006Tests
{
    private static Task Analyze(string source, bool incomplete = false) =>
        SocketRuleTest.AnalyzeAsync<DS1006FourByteAddressAssumptionAnalyzer>(source, incomplete: incomplete);

    [Fact]
    public Task Indexing_the_first_four_bytes_is_reported_once_per_call() => Analyze(
        """
        using System.Net;

        class Ranges
        {
            bool IsPrivate(IPAddress address)
            {
                var bytes = address.GetAddressBytes();
                return [|bytes[0]|] == 10 || (bytes[0] == 172 && bytes[1] >= 16 && bytes[1] <= 31) || (bytes[0] == 192 && bytes[1] == 168);
            }

            byte Last(IPEndPoint endPoint) => [|endPoint.Address.GetAddressBytes()[3]|];
        }
        """);

    [Fact]
    public Task Four_byte_conversions_and_copies_are_reported() => Analyze(
        """
        using System;
        using System.Buffers.Binary;
        using System.Net;

        class Codec
        {
            uint ToInt(IPAddress address) => [|BitConverter.ToUInt32(address.GetAddressBytes(), 0)|];
            uint BigEndian(IPAddress address) => [|BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes())|];

            void Write(IPAddress address, byte[] packet)
            {
                byte[] bytes;
                bytes = address.GetAddressBytes();
                [|Buffer.BlockCopy(bytes, 0, packet, 4, 4)|];
            }
        }
        """);

    [Fact]
    public Task Family_and_length_checks_are_silent() => Analyze(
        """
        using System;
        using System.Net;
        using System.Net.Sockets;

        class Ranges
        {
            bool FamilyChecked(IPAddress address)
            {
                if (address.AddressFamily != AddressFamily.InterNetwork)
                {
                    return false;
                }

                var bytes = address.GetAddressBytes();
                return bytes[0] == 10;
            }

            bool LengthChecked(IPAddress address)
            {
                var bytes = address.GetAddressBytes();
                return bytes.Length == 4 && bytes[0] == 127;
            }

            int Loop(IPAddress address)
            {
                var bytes = address.GetAddressBytes();
                var sum = 0;
                for (var i = 0; i < bytes.Length; i++)
                {
                    sum += bytes[i];
                }

                return sum;
            }
        }
        """);

    [Fact]
    public Task IPv4_values_IPv6_aware_indexing_and_IPv4_protocols_are_silent() => Analyze(
        """
        using System;
        using System.Net;
        using System.Net.Sockets;

        class Codec
        {
            uint Mapped(IPAddress address) => BitConverter.ToUInt32(address.MapToIPv4().GetAddressBytes(), 0);
            byte Loopback() => IPAddress.Loopback.GetAddressBytes()[0];
            bool LinkLocal(IPAddress address) { var b = address.GetAddressBytes(); return b[0] == 0xfe && b[15] != 0; }
            byte[] Copy(IPAddress address) => (byte[])address.GetAddressBytes().Clone();
        }

        class Subnets
        {
            static IPAddress Mask(int prefix, AddressFamily family) => IPAddress.Any;

            uint BroadcastAddress(IPAddress network) => BitConverter.ToUInt32(network.GetAddressBytes(), 0);
            uint Named(IPAddress a) => BitConverter.ToUInt32(Mask(24, AddressFamily.InterNetwork).GetAddressBytes(), 0) & BitConverter.ToUInt32(a.GetAddressBytes(), 0);
        }

        class Socks4Request
        {
            void Write(IPAddress address, byte[] request) => Array.Copy(address.GetAddressBytes(), 0, request, 4, 4);
        }
        """);

    [Fact]
    public Task Incomplete_code_does_not_throw() => Analyze(
        """
        using System.Net;

        class Ranges
        {
            void A(IPAddress a)
            {
                var b = a.GetAddressBytes()
                var c = [|b[3]|]
                var d = a.GetAddressBytes()[;
                var e = System.BitConverter.ToUInt32(a.GetAddressBytes(), 
        """,
        incomplete: true);
}
