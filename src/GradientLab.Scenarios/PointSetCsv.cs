using System.Globalization;
using GradientLab.Core.Data;

namespace GradientLab.Scenarios;

/// <summary>
/// The learner's own points in the plane, from a CSV file with two coordinate columns and a label column (by default
/// <c>x1</c>, <c>x2</c> and <c>label</c>), each label 0 or 1. The file is read by <see cref="CsvTable"/>, with its
/// conventions and messages (the line and the column named), and held to <see cref="PointSets.MaxCount"/> rows before
/// they are read into numbers.
/// </summary>
public static class PointSetCsv
{
    /// <summary>The limits a point-set file is held to: 10,000 rows, 2 MiB of text, 100 columns.</summary>
    public static CsvLimits Limits { get; } = new(MaxCharacters: 2 * 1024 * 1024, MaxRows: PointSets.MaxCount, MaxColumns: 100);

    /// <summary>Parses CSV text into a point set.</summary>
    /// <exception cref="ScenarioException">What <see cref="CsvTable.Parse"/> refuses; a missing column, a cell that is not a finite number, or a label other than 0 or 1, with its line.</exception>
    public static Dataset Parse(string text, string source = "the CSV file", string x1 = "x1", string x2 = "x2", string label = "label") =>
        FromTable(CsvTable.Parse(text, source, Limits), source, x1, x2, label);

    /// <summary>Reads a point set from a stream of CSV text.</summary>
    /// <exception cref="ScenarioException">As <see cref="Parse"/>.</exception>
    public static Dataset Read(Stream stream, string source = "the CSV file", string x1 = "x1", string x2 = "x2", string label = "label") =>
        FromTable(CsvTable.Read(stream, source, Limits), source, x1, x2, label);

    /// <summary>The point set in the columns <paramref name="x1"/>, <paramref name="x2"/> and <paramref name="label"/> of a table already read.</summary>
    /// <exception cref="ScenarioException">Too many rows, a missing column, a cell that is not a finite number, or a label other than 0 or 1.</exception>
    public static Dataset FromTable(CsvTable table, string source, string x1 = "x1", string x2 = "x2", string label = "label")
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.RowCount > PointSets.MaxCount)
        {
            throw new ScenarioException($"{source} has {ScenarioLimits.N(table.RowCount)} data rows; a point set may have at most {ScenarioLimits.N(PointSets.MaxCount)}.");
        }

        var first = table.NumericColumn(x1);
        var second = table.NumericColumn(x2);
        var labels = table.NumericColumn(label);
        for (var row = 0; row < labels.Length; row++)
        {
            if (labels[row] is not (0.0 or 1.0))
            {
                var column = table.Headers.ToList().IndexOf(label) + 1;
                throw new ScenarioException(string.Create(CultureInfo.InvariantCulture,
                    $"{source}, line {table.LineOf(row)}, column {column} ('{CsvTable.Shorten(label)}'): the label is {labels[row]}; a label must be 0 or 1."));
            }
        }

        return PointSets.Labelled(first, second, labels);
    }
}
