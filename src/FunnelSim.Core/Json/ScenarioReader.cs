using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace FunnelSim.Json;

/// <summary>
/// Reads and validates scenario JSON (docs/scenario-format.md). Never throws on bad input: every problem becomes
/// a <see cref="Diagnostic"/> with its path and position, and all problems are reported, not only the first.
/// </summary>
public static partial class ScenarioReader
{
    /// <summary>Largest scenario file accepted: 16 MiB.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>Deepest nesting of objects and arrays accepted.</summary>
    public const int MaxDepth = 64;

    private const string EmptyMessage = "the file is empty; a scenario is a JSON object (see `funnelsim schema`)";

    /// <summary>
    /// Reads a scenario from UTF-8 JSON bytes (a leading byte order mark is allowed). Throws only
    /// <see cref="OperationCanceledException"/>, when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public static ScenarioLoadResult Read(ReadOnlySpan<byte> utf8Json, CancellationToken cancellationToken = default)
    {
        if (utf8Json.Length > MaxBytes) return Failure(TooLarge(utf8Json.Length));
        if (utf8Json.StartsWith(Encoding.UTF8.Preamble)) utf8Json = utf8Json[Encoding.UTF8.Preamble.Length..];
        if (utf8Json.TrimStart(" \t\r\n"u8).IsEmpty) return Failure(new Diagnostic(Severity.Error, "", EmptyMessage));

        byte[] bytes = utf8Json.ToArray();
        var lines = new LineIndex(bytes);
        if (!Utf8.IsValid(bytes)) return Failure(InvalidUtf8(bytes, lines));
        if (PositionMap.Build(bytes, lines, MaxDepth, out var syntaxError, cancellationToken) is not { } positions)
            return Failure(syntaxError!);
        cancellationToken.ThrowIfCancellationRequested();

        // The pass above already proved the syntax, so Parse cannot fail here.
        using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            MaxDepth = MaxDepth,
        });
        var context = new ReadContext(positions);
        try
        {
            var scenario = ReadScenario(context, document.RootElement);
            return new ScenarioLoadResult(context.HasErrors ? null : scenario, context.ToImmutable()) { Positions = positions, ShorthandKinds = context.ShorthandKinds };
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // Every known failure is a diagnostic already; this keeps the promise of no stack trace for the unknown.
            return Failure(new Diagnostic(Severity.Error, "",
                $"internal error while reading the scenario ({e.GetType().Name}: {e.Message}); please report it with the file"));
        }
    }

    /// <summary>Reads a scenario from JSON text.</summary>
    public static ScenarioLoadResult Read(string json) => Read(Encoding.UTF8.GetBytes(json));

    /// <summary>
    /// Reads a scenario file; an unreadable or oversized file is an error diagnostic, not an exception. The size limit
    /// counts the bytes actually read, so a device or pipe of unknown length (<c>/dev/zero</c>) is refused too.
    /// </summary>
    public static ScenarioLoadResult ReadFile(string path, CancellationToken cancellationToken = default) =>
        TryReadBytes(path, out byte[]? bytes, out var error, cancellationToken) ? Read(bytes!, cancellationToken) : Failure(error!);

    /// <summary>The bytes of a scenario file, or the error diagnostic saying why it cannot be read.</summary>
    internal static bool TryReadBytes(string path, out byte[]? bytes, out Diagnostic? error, CancellationToken cancellationToken = default)
    {
        bytes = null;
        error = null;
        try
        {
            bytes = BoundedFile.ReadAllBytes(path, MaxBytes, cancellationToken);
            if (bytes is null)
            {
                error = TooLarge(null);
                return false;
            }
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException
                                      or System.Security.SecurityException)
        {
            error = new Diagnostic(Severity.Error, "", $"cannot read '{path}': {e.Message}");
            return false;
        }
    }

    private static ScenarioLoadResult Failure(Diagnostic error) => new(null, [error]);

    private static Diagnostic TooLarge(long? length) =>
        new(Severity.Error, "", length is { } known
            ? $"the file is {known} bytes; scenario files over 16 MiB ({MaxBytes} bytes) are refused"
            : $"the file holds more than 16 MiB ({MaxBytes} bytes); scenario files over 16 MiB are refused");

    private static Diagnostic InvalidUtf8(byte[] bytes, LineIndex lines)
    {
        int offset = 0;
        while (offset < bytes.Length && Rune.DecodeFromUtf8(bytes.AsSpan(offset), out _, out int consumed) == System.Buffers.OperationStatus.Done)
            offset += consumed;
        var (line, column) = lines.At(offset);
        string found = offset < bytes.Length ? $" (byte 0x{bytes[offset]:X2})" : "";
        return new Diagnostic(Severity.Error, "", $"the file is not valid UTF-8 text{found}; save it as UTF-8", line, column);
    }
}
