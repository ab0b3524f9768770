using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace GradientLab.Scenarios;

/// <summary>Limits on what a CSV file may hold, enforced with a message before the work they bound.</summary>
/// <param name="MaxCharacters">Largest text accepted (default 10 MiB of characters).</param>
/// <param name="MaxRows">Most data rows accepted (default 1,000,000).</param>
/// <param name="MaxColumns">Most columns accepted, checked on the header before any row is read (default 1,000).</param>
public sealed record CsvLimits(int MaxCharacters = 10 * 1024 * 1024, int MaxRows = 1_000_000, int MaxColumns = 1_000)
{
    /// <summary>The defaults.</summary>
    public static CsvLimits Default { get; } = new();
}

/// <summary>
/// A CSV table with a header row (RFC 4180: quoted cells may hold separators, doubled quotes and line breaks), read
/// with Sep. The separator (comma, semicolon, tab or bar) is detected from the header. Rows are streamed straight into
/// numeric columns: a column keeps its numbers until its first cell that is not a finite number, and only that cell's
/// place is remembered, so a file may carry text columns it does not use and a million rows of two columns cost about
/// 16 MB. Every error names the line (counting from 1, blank lines included) and the column.
/// </summary>
public sealed class CsvTable
{
    private const int MaxQuoted = 40;
    private readonly Column[] _columns;
    private readonly string _source;
    private readonly LineMap _lines;

    private CsvTable(string source, string[] headers, Column[] columns, int rowCount, char separator, LineMap lines)
    {
        _source = source;
        _lines = lines;
        Headers = headers;
        _columns = columns;
        RowCount = rowCount;
        Separator = separator;
    }

    /// <summary>The column names, in file order.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>Number of data rows.</summary>
    public int RowCount { get; }

    /// <summary>The separator found in the header: <c>,</c>, <c>;</c>, tab or <c>|</c>.</summary>
    public char Separator { get; }

    /// <summary>Parses CSV text: a header row, then rows of as many cells. Blank lines are skipped.</summary>
    /// <param name="text">The whole file.</param>
    /// <param name="source">The file's name, used in error messages.</param>
    /// <param name="limits">Size limits, or the defaults.</param>
    /// <exception cref="ScenarioException">Empty, too large, too wide, ragged, binary, or malformed quoting.</exception>
    public static CsvTable Parse(string text, string source = "the CSV file", CsvLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        limits ??= CsvLimits.Default;
        if (text.Length > limits.MaxCharacters)
        {
            throw new ScenarioException($"{source} is too large: {N(text.Length)} characters; the limit is {N(limits.MaxCharacters)}.");
        }

        using var reader = new StringReader(text);
        return Read(reader, source, limits);
    }

    /// <summary>Reads CSV from a stream of UTF-8 (or BOM-marked) text, row by row, never holding the whole file.</summary>
    /// <exception cref="ScenarioException">As <see cref="Parse"/>; also a stream longer than the limit, refused before reading when its length is known.</exception>
    public static CsvTable Read(Stream stream, string source = "the CSV file", CsvLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= CsvLimits.Default;
        if (stream.CanSeek && stream.Length > limits.MaxCharacters)
        {
            throw new ScenarioException($"{source} is {N(stream.Length)} bytes; a CSV file may be at most {N(limits.MaxCharacters)}.");
        }

        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        return Read(reader, source, limits);
    }

    /// <summary>Reads CSV from <paramref name="text"/>, row by row; at most <see cref="CsvLimits.MaxCharacters"/> characters are read.</summary>
    /// <exception cref="ScenarioException">As <see cref="Parse"/>.</exception>
    public static CsvTable Read(TextReader text, string source = "the CSV file", CsvLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        limits ??= CsvLimits.Default;
        var bounded = new BoundedReader(text, limits.MaxCharacters, source);

        // The header: the first line that is not blank. The separator and the column count are known from it alone,
        // so a file too wide is refused before any row is read.
        var skipped = 0;
        string? first;
        while ((first = bounded.ReadLine()) is not null && string.IsNullOrWhiteSpace(first))
        {
            skipped++;
        }

        if (first is null)
        {
            throw new ScenarioException($"{source} is empty: expected a header row, then data rows.");
        }

        if (skipped == 0 && first.Length > 0 && first[0] == '\uFEFF')
        {
            first = first[1..];
        }

        var headerLine = skipped + 1;
        RequireText(first, source, headerLine);
        var separator = DetectSeparator(first);
        var width = CountColumns(first, separator);
        if (width > limits.MaxColumns)
        {
            throw new ScenarioException($"{source}, line {headerLine}: the header has {N(width)} columns; a CSV file may have at most {N(limits.MaxColumns)}.");
        }

        using var reader = Sep.New(separator)
            .Reader(o => o with { HasHeader = false, DisableColCountCheck = true, CultureInfo = CultureInfo.InvariantCulture })
            .From(new PrefixedReader(first + "\n", bounded));
        string[]? headers = null;
        Column[] columns = [];
        var rows = 0;
        var lines = new LineMap(headerLine);
        foreach (var row in reader)
        {
            // Sep counts the lines of what it was given, which starts at the header line; its first row is the header.
            var line = headers is null ? headerLine : row.LineNumberFrom + skipped;
            if (headers is null)
            {
                headers = ReadHeaders(row, separator, source, headerLine);
                columns = [.. headers.Select(_ => new Column())];
                continue;
            }

            if (row.ColCount == 1 && row[0].Span.Trim(' ').IsEmpty)
            {
                continue; // a blank line
            }

            RequireText(row.Span, source, line);
            if (row.ColCount != headers.Length)
            {
                var shown = row.ColCount > limits.MaxColumns ? $"more than {N(limits.MaxColumns)}" : N(row.ColCount);
                throw new ScenarioException($"{source}, line {line}: {shown} cells, but the header has {N(headers.Length)} ({ListNames(headers)}).");
            }

            if (rows == limits.MaxRows)
            {
                throw new ScenarioException($"{source} has more than {N(limits.MaxRows)} data rows, the limit.");
            }

            for (var c = 0; c < headers.Length; c++)
            {
                var cell = Cell(row[c].Span, separator, source, line, c);
                columns[c].Add(cell, line, separator);
            }

            lines.Add(rows, line);
            rows++;
        }

        if (headers is null)
        {
            throw new ScenarioException($"{source} is empty: expected a header row, then data rows.");
        }

        if (rows == 0)
        {
            throw new ScenarioException($"{source} has a header ({ListNames(headers)}) but no data rows.");
        }

        return new CsvTable(source, headers, columns, rows, separator, lines);
    }

    /// <summary>The column called <paramref name="name"/> as finite numbers.</summary>
    /// <exception cref="ScenarioException">No such column, or a cell that is empty, not a number, or not finite.</exception>
    public double[] NumericColumn(string name)
    {
        var index = Array.IndexOf((string[])Headers, name);
        if (index < 0)
        {
            var hint = Headers.Count == 1 && Separator != ','
                ? " The header has a single column: are the cells separated by commas, semicolons or tabs?"
                : "";
            throw new ScenarioException($"{_source} has no column '{Shorten(name)}'; its columns are: {ListNames(Headers)}.{hint}");
        }

        var column = _columns[index];
        if (column.Problem is { } problem)
        {
            throw new ScenarioException($"{_source}, line {problem.Line}, column {index + 1} ('{Shorten(name)}'): {problem.Reason}");
        }

        return column.Values[..RowCount];
    }

    /// <summary>The line (counting from 1, blank lines included) on which data row <paramref name="row"/> (from 0) starts.</summary>
    public int LineOf(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, RowCount);
        return _lines.LineOf(row);
    }

    /// <summary>The columns whose every cell is a finite number: the ones a model can use.</summary>
    public IReadOnlyList<string> NumericColumns() => [.. Headers.Where((_, index) => _columns[index].Problem is null)];

    /// <summary>The names for a message: all of them, or the first 20 and how many there are.</summary>
    internal static string ListNames(IReadOnlyList<string> names) =>
        names.Count <= 20
            ? string.Join(", ", names.Select(Shorten))
            : string.Join(", ", names.Take(20).Select(Shorten)) + $", … ({N(names.Count)} in all)";

    /// <summary>A cell or name as a message quotes it: at most 40 characters, on one line.</summary>
    internal static string Shorten(string text)
    {
        var oneLine = text.ReplaceLineEndings("⏎");
        return oneLine.Length <= MaxQuoted ? oneLine : oneLine[..MaxQuoted] + "…";
    }

    private static string N(long value) => ScenarioLimits.N(value);

    private static void RequireText(ReadOnlySpan<char> line, string source, int lineNumber)
    {
        if (line.IndexOfAny('\0', '\uFFFD') >= 0)
        {
            throw new ScenarioException($"{source}, line {lineNumber}: this is not a UTF-8 text CSV file (it holds binary data or another encoding); nothing of it is shown. Save it as CSV (UTF-8).");
        }
    }

    private static char DetectSeparator(string header)
    {
        // The candidate found most often outside quotes; a comma when the header has none (a single column).
        char[] candidates = [',', ';', '\t', '|'];
        var counts = new int[candidates.Length];
        var quoted = false;
        foreach (var ch in header)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && Array.IndexOf(candidates, ch) is var i and >= 0)
            {
                counts[i]++;
            }
        }

        var best = 0;
        for (var i = 1; i < candidates.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        return candidates[best];
    }

    private static int CountColumns(string header, char separator)
    {
        var count = 1;
        var quoted = false;
        foreach (var ch in header)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && ch == separator)
            {
                count++;
            }
        }

        return count;
    }

    private static string[] ReadHeaders(SepReader.Row row, char separator, string source, int line)
    {
        var headers = new string[row.ColCount];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < headers.Length; c++)
        {
            var name = Cell(row[c].Span, separator, source, line, c).ToString();
            if (name.Length == 0)
            {
                throw new ScenarioException($"{source}, line {line}, column {c + 1}: the header cell is empty; every column needs a name.");
            }

            if (!seen.Add(name))
            {
                throw new ScenarioException($"{source}, line {line}, column {c + 1}: the column name '{Shorten(name)}' appears twice.");
            }

            headers[c] = name;
        }

        return headers;
    }

    /// <summary>A cell's text: spaces around it trimmed, and a quoted cell unquoted (RFC 4180: "" inside stands for ").</summary>
    private static ReadOnlySpan<char> Cell(ReadOnlySpan<char> raw, char separator, string source, int line, int column)
    {
        var cell = separator == '\t' ? raw.Trim(' ') : raw.Trim(" \t");
        if (cell.IsEmpty || cell[0] != '"')
        {
            if (cell.Contains('"'))
            {
                throw new ScenarioException($"{source}, line {line}, column {column + 1}: a quote inside an unquoted cell; quote the whole cell and double the quote (\"5\"\" tall\").");
            }

            return cell;
        }

        var text = new StringBuilder(cell.Length);
        for (var i = 1; i < cell.Length; i++)
        {
            if (cell[i] != '"')
            {
                text.Append(cell[i]);
            }
            else if (i + 1 < cell.Length && cell[i + 1] == '"')
            {
                text.Append('"');
                i++;
            }
            else if (i == cell.Length - 1)
            {
                return text.ToString();
            }
            else
            {
                throw new ScenarioException($"{source}, line {line}, column {column + 1}: text after a closing quote.");
            }
        }

        throw new ScenarioException($"{source}, line {line}, column {column + 1}: a quoted cell is not closed.");
    }

    /// <summary>
    /// The line of every data row, kept as the rows where the count jumps (after a blank line or a cell with a line break):
    /// a file without them costs nothing, and row r otherwise sits r + 1 lines below the header.
    /// </summary>
    private sealed class LineMap(int headerLine)
    {
        private readonly List<(int Row, int Shift)> _jumps = [];

        public void Add(int row, int line)
        {
            var shift = line - (headerLine + 1 + row);
            if (shift != (_jumps.Count == 0 ? 0 : _jumps[^1].Shift))
            {
                _jumps.Add((row, shift));
            }
        }

        public int LineOf(int row)
        {
            var shift = 0;
            foreach (var (from, by) in _jumps)
            {
                if (from > row)
                {
                    break;
                }

                shift = by;
            }

            return headerLine + 1 + row + shift;
        }
    }

    /// <summary>Where a column stopped being numeric, and why.</summary>
    private sealed record Problem(int Line, string Reason);

    /// <summary>One column's numbers, growing as rows arrive, until its first cell that is not a finite number.</summary>
    private sealed class Column
    {
        public double[] Values { get; private set; } = new double[16];

        public Problem? Problem { get; private set; }

        private int _count;

        public void Add(ReadOnlySpan<char> cell, int line, char separator)
        {
            if (Problem is not null)
            {
                return;
            }

            if (cell.IsEmpty)
            {
                Fail(line, "the cell is empty.");
                return;
            }

            if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                var hint = separator == ';' && cell.Contains(',')
                    ? " This file separates its cells with ';' and seems to write decimals with a comma; write them with a point (1.5)."
                    : "";
                Fail(line, $"'{Shorten(cell.ToString())}' is not a number.{hint}");
                return;
            }

            if (!double.IsFinite(value))
            {
                Fail(line, $"'{Shorten(cell.ToString())}' is not a finite number.");
                return;
            }

            if (_count == Values.Length)
            {
                var grown = new double[Values.Length * 2];
                Values.CopyTo(grown, 0);
                Values = grown;
            }

            Values[_count++] = value;
        }

        private void Fail(int line, string reason)
        {
            Problem = new Problem(line, reason);
            Values = []; // its numbers are of no use now
        }
    }

    /// <summary>Reads at most a given number of characters, then refuses with the limit.</summary>
    private sealed class BoundedReader(TextReader inner, int limit, string source) : TextReader
    {
        private long _read;

        public override int Read(Span<char> buffer) => Count(inner.Read(buffer));

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read()
        {
            var ch = inner.Read();
            Count(ch < 0 ? 0 : 1);
            return ch;
        }

        public override int Peek() => inner.Peek();

        public override string? ReadLine()
        {
            var line = inner.ReadLine();
            if (line is not null)
            {
                Count(line.Length + 1);
            }

            return line;
        }

        private int Count(int read)
        {
            _read += read;
            if (_read > limit + 1L)
            {
                throw new ScenarioException($"{source} is too large: more than {N(limit)} characters, the limit.");
            }

            return read;
        }
    }

    /// <summary>A string, then the rest of another reader.</summary>
    private sealed class PrefixedReader(string prefix, TextReader rest) : TextReader
    {
        private int _position;

        public override int Read(Span<char> buffer)
        {
            if (_position < prefix.Length)
            {
                var count = Math.Min(buffer.Length, prefix.Length - _position);
                prefix.AsSpan(_position, count).CopyTo(buffer);
                _position += count;
                return count;
            }

            return rest.Read(buffer);
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read() => _position < prefix.Length ? prefix[_position++] : rest.Read();

        public override int Peek() => _position < prefix.Length ? prefix[_position] : rest.Peek();
    }
}
