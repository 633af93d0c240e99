using System.Text;

namespace FunnelSim.Sampling;

/// <summary>
/// Stable 64-bit keys for random sub-streams, derived from a name such as <c>nsclc/preTestSteps/advanced</c>:
/// the same name gives the same stream in every build and scenario, so adding a parameter reshuffles nothing else.
/// </summary>
public static class StreamKey
{
    /// <summary>FNV-1a over the UTF-8 bytes of <paramref name="name"/>, then mixed.</summary>
    public static ulong Of(string name)
    {
        ulong hash = 0xCBF29CE484222325UL;
        foreach (byte b in Encoding.UTF8.GetBytes(name))
        {
            hash ^= b;
            hash *= 0x100000001B3UL;
        }
        return SplitMix64.Mix(hash);
    }
}
