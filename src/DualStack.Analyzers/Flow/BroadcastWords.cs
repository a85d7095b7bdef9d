using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DualStack.Analyzers.Flow;

/// <summary>
/// A type that sets up broadcast or multicast anywhere in its declarations: a LAN discovery host whose UDP listener
/// answers IPv4 broadcasts (SSDP, mDNS, a media server's auto-discovery). IPv6 has no broadcast, so such a listener
/// is IPv4 by protocol wherever in the type the socket is configured (a helper that sets <c>EnableBroadcast</c>, a
/// reply sent to <c>255.255.255.255</c>, a client named for broadcasting). Read from syntax once per type.
/// </summary>
internal static class BroadcastWords
{
    private static readonly string[] SocketOptions =
        ["EnableBroadcast", "MulticastLoopback", "JoinMulticastGroup", "MulticastOption", "AddMembership"];

    public static bool SpeaksBroadcast(INamedTypeSymbol type)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            foreach (var token in reference.GetSyntax().DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.StringLiteralToken) && token.ValueText == "255.255.255.255")
                {
                    return true;
                }

                if (token.IsKind(SyntaxKind.IdentifierToken) && NamesBroadcast(token))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // IPAddress.Broadcast, SocketOptionName.Broadcast, EnableBroadcast, broadcastClient, SendBroadcastAsync.
    private static bool NamesBroadcast(SyntaxToken identifier) =>
        Array.IndexOf(SocketOptions, identifier.ValueText) >= 0
        || identifier.ValueText.IndexOf("broadcast", StringComparison.OrdinalIgnoreCase) >= 0;
}
