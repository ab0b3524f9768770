using System.Globalization;
using System.Text;

namespace GradientLab.Scenarios;

/// <summary>Limits on what a CSV file may hold, enforced with a message.</summary>
/// <param name="MaxCharacters">Largest text accepted (default 10 MiB of characters).</param>
/// <param name="MaxRows">Most data rows accepted (default 1,000,000).</param>
public sealed record CsvLimits(int MaxCharacters = 10 * 1024 * 1024, int MaxRows = 1_000_000)
{
    /// <summary>The defaults.</summary>
    public static CsvLimits Default { get; } = new();
}

/// <summary>
/// A CSV table with a header row. Cells stay text until a column is asked for as numbers, so a file may carry text
/// columns it does not use; every error names the line (counting the header as line 1) and the column.
/// </summary>
public sealed class CsvTable
{
    private readonly List<string[]> _rows;
    private readonly List<int> _lineNumbers;
    private readonly string _source;

    private CsvTable(string source, string[] headers, List<string[]> rows, List<int> lineNumbers)
    {
        _source = source;
        Headers = headers;
        _rows = rows;
        _lineNumbers = lineNumbers;
    }

    /// <summary>The column names, in file order.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>Number of data rows.</summary>
    public int RowCount => _rows.Count;

    /// <summary>Parses CSV text: a header row, then rows of as many comma-separated cells. Blank lines are skipped.</summary>
    /// <param name="text">The whole file.</param>
    /// <param name="source">The file's name, used in error messages.</param>
    /// <param name="limits">Size limits, or the defaults.</param>
    /// <exception cref="ScenarioException">Empty, too large, ragged, or malformed quoting.</exception>
    public static CsvTable Parse(string text, string source = "the CSV file", CsvLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        limits ??= CsvLimits.Default;
        if (text.Length > limits.MaxCharacters)
        {
            throw new ScenarioException($"{source} is too large: {text.Length:N0} characters; the limit is {limits.MaxCharacters:N0}.");
        }

        string[]? headers = null;
        var rows = new List<string[]>();
        var lineNumbers = new List<int>();
        var lineNumber = 0;
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (lineNumber == 1 && line.Length > 0 && line[0] == '\uFEFF')
            {
                line = line[1..];
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = SplitLine(line, lineNumber, source);
            if (headers is null)
            {
                headers = ReadHeaders(cells, lineNumber, source);
                continue;
            }

            if (cells.Length != headers.Length)
            {
                throw new ScenarioException($"{source}, line {lineNumber}: {cells.Length} cells, but the header has {headers.Length} ({string.Join(", ", headers)}).");
            }

            if (rows.Count == limits.MaxRows)
            {
                throw new ScenarioException($"{source} has more than {limits.MaxRows:N0} data rows, the limit.");
            }

            rows.Add(cells);
            lineNumbers.Add(lineNumber);
        }

        if (headers is null)
        {
            throw new ScenarioException($"{source} is empty: expected a header row, then data rows.");
        }

        if (rows.Count == 0)
        {
            throw new ScenarioException($"{source} has a header ({string.Join(", ", headers)}) but no data rows.");
        }

        return new CsvTable(source, headers, rows, lineNumbers);
    }

    /// <summary>The column called <paramref name="name"/> as finite numbers.</summary>
    /// <exception cref="ScenarioException">No such column, or a cell that is empty, not a number, or not finite.</exception>
    public double[] NumericColumn(string name)
    {
        var index = Array.IndexOf((string[])Headers, name);
        if (index < 0)
        {
            throw new ScenarioException($"{_source} has no column '{name}'; its columns are: {string.Join(", ", Headers)}.");
        }

        var values = new double[_rows.Count];
        for (var i = 0; i < _rows.Count; i++)
        {
            var cell = _rows[i][index];
            var where = $"{_source}, line {_lineNumbers[i]}, column {index + 1} ('{name}')";
            if (cell.Length == 0)
            {
                throw new ScenarioException($"{where}: the cell is empty.");
            }

            if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new ScenarioException($"{where}: '{cell}' is not a number.");
            }

            if (!double.IsFinite(value))
            {
                throw new ScenarioException($"{where}: '{cell}' is not a finite number.");
            }

            values[i] = value;
        }

        return values;
    }

    /// <summary>The columns whose every cell is a finite number: the ones a model can use.</summary>
    public IReadOnlyList<string> NumericColumns() =>
        [.. Headers.Where((_, index) => _rows.TrueForAll(row => double.TryParse(row[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)))];

    private static string[] ReadHeaders(string[] cells, int lineNumber, string source)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i].Length == 0)
            {
                throw new ScenarioException($"{source}, line {lineNumber}, column {i + 1}: the header cell is empty; every column needs a name.");
            }

            if (!seen.Add(cells[i]))
            {
                throw new ScenarioException($"{source}, line {lineNumber}, column {i + 1}: the column name '{cells[i]}' appears twice.");
            }
        }

        return cells;
    }

    private static string[] SplitLine(string line, int lineNumber, string source)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var i = 0;
        while (true)
        {
            cell.Clear();
            var column = cells.Count + 1;
            while (i < line.Length && line[i] == ' ')
            {
                i++;
            }

            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        throw new ScenarioException($"{source}, line {lineNumber}, column {column}: a quoted cell is not closed.");
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            cell.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    cell.Append(line[i++]);
                }

                while (i < line.Length && line[i] == ' ')
                {
                    i++;
                }

                if (i < line.Length && line[i] != ',')
                {
                    throw new ScenarioException($"{source}, line {lineNumber}, column {column}: text after a closing quote.");
                }
            }
            else
            {
                while (i < line.Length && line[i] != ',')
                {
                    cell.Append(line[i++]);
                }
            }

            cells.Add(cell.ToString().Trim());
            if (i >= line.Length)
            {
                return [.. cells];
            }

            i++; // the comma
        }
    }
}
