using System.Text;

namespace FunnelSim.Cli;

/// <summary>
/// Standard output for the commands: a failed write (a closed pipe or descriptor, a full disk, <c>/dev/full</c>) becomes a
/// <see cref="StandardOutputException"/>, which the command line reports as "cannot write standard output: …" (exit 1)
/// instead of a crash.
/// </summary>
internal sealed class StandardOutputWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void Flush() => Guard(inner.Flush);

    private static void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            throw new StandardOutputException(e);
        }
    }
}

/// <summary>Standard output could not be written.</summary>
internal sealed class StandardOutputException(Exception inner) : IOException(inner.Message, inner);
