using System.Text;

namespace FunnelSim.Core.Tests.Support;

/// <summary>
/// Compares text with a checked-in <c>NAME.verified.json</c>, byte for byte. On a mismatch it writes the actual text to
/// <c>NAME[.SUFFIX].received.json</c> beside it (git-ignored) and fails naming both files; diff them to review.
/// With <c>FUNNELSIM_UPDATE_GOLDEN=1</c> in the environment it (re)writes the verified file instead — only on purpose,
/// when a change is meant to alter results, and say so in the commit.
/// </summary>
internal static class GoldenFile
{
    /// <summary>The environment variable that regenerates verified files instead of comparing with them.</summary>
    public const string UpdateVariable = "FUNNELSIM_UPDATE_GOLDEN";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Compares <paramref name="actual"/> with <paramref name="folder"/>/<paramref name="name"/>.verified.json.</summary>
    /// <param name="receivedSuffix">Distinguishes received files of several checks against one verified file (e.g. thread counts).</param>
    public static void Verify(string folder, string name, string actual, string receivedSuffix = "")
    {
        string verified = Path.Combine(folder, name + ".verified.json");
        string received = Path.Combine(folder, name + receivedSuffix + ".received.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(verified, actual, Utf8);
            File.Delete(received);
            return;
        }
        if (!File.Exists(verified))
        {
            File.WriteAllText(received, actual, Utf8);
            Assert.Fail($"no verified file {verified}; the actual text is in {received}. " +
                        $"If it is right, rerun with {UpdateVariable}=1 to create the verified file.");
        }
        byte[] expected = File.ReadAllBytes(verified);
        byte[] actualBytes = Utf8.GetBytes(actual);
        if (expected.AsSpan().SequenceEqual(actualBytes))
        {
            File.Delete(received);
            return;
        }
        File.WriteAllBytes(received, actualBytes);
        Assert.Fail($"{received} differs from {verified} (first difference at {FirstDifference(expected, actualBytes)}). " +
                    $"Diff the two files; if the change is intended, rerun with {UpdateVariable}=1 and say so in the commit.");
    }

    private static string FirstDifference(byte[] expected, byte[] actual)
    {
        int length = Math.Min(expected.Length, actual.Length), i = 0;
        while (i < length && expected[i] == actual[i]) i++;
        int line = 1;
        for (int j = 0; j < i; j++)
            if (expected[j] == '\n') line++;
        return $"line {line}";
    }
}
