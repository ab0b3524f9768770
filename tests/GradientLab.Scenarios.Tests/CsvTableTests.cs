using GradientLab.Scenarios;

namespace GradientLab.Scenarios.Tests;

public sealed class CsvTableTests
{
    private static string ErrorOf(string text, CsvLimits? limits = null, string column = "b") =>
        Should.Throw<ScenarioException>(() => CsvTable.Parse(text, "houses.csv", limits).NumericColumn(column)).Message;

    [Fact]
    public void ParsesHeaderAndNumbers_SkippingBlankLines_QuotesAndABom()
    {
        var table = CsvTable.Parse("\uFEFFa, \"b\" ,name\r\n1,2.5,\"Smith, J\"\n\n3,-4e2,x\n", "t.csv");
        table.Headers.ShouldBe(["a", "b", "name"]);
        table.RowCount.ShouldBe(2);
        table.NumericColumn("b").ShouldBe([2.5, -400]);
        table.NumericColumns().ShouldBe(["a", "b"]);
    }

    [Fact]
    public void ANonNumericCell_NamesTheLineAndTheColumn() =>
        ErrorOf("a,b\n1,2\n3,abc\n").ShouldBe("houses.csv, line 3, column 2 ('b'): 'abc' is not a number.");

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    public void ANonFiniteCell_IsRefused(string cell) =>
        ErrorOf($"a,b\n1,{cell}\n").ShouldBe($"houses.csv, line 2, column 2 ('b'): '{cell}' is not a finite number.");

    [Fact]
    public void AnEmptyCell_IsRefused() => ErrorOf("a,b\n1,\n").ShouldBe("houses.csv, line 2, column 2 ('b'): the cell is empty.");

    [Fact]
    public void ARaggedRow_NamesItsLine() =>
        ErrorOf("a,b\n1,2\n\n3\n").ShouldBe("houses.csv, line 4: 1 cells, but the header has 2 (a, b).");

    [Fact]
    public void AnEmptyFile_IsRefused() => ErrorOf("  \n\n").ShouldContain("houses.csv is empty");

    [Fact]
    public void AHeaderWithoutRows_IsRefused() => ErrorOf("a,b\n").ShouldBe("houses.csv has a header (a, b) but no data rows.");

    [Fact]
    public void AFileOverTheSizeLimit_IsRefused() =>
        ErrorOf("a,b\n1,2\n", new CsvLimits(MaxCharacters: 5)).ShouldBe("houses.csv is too large: 8 characters; the limit is 5.");

    [Fact]
    public void AStreamOverTheSizeLimit_IsRefusedBeforeReading() =>
        Should.Throw<ScenarioException>(() => CsvTable.Read(new MemoryStream(new byte[100]), "big.csv", new CsvLimits(MaxCharacters: 50)))
            .Message.ShouldBe("big.csv is 100 bytes; a CSV file may be at most 50.");

    [Fact]
    public void TooManyRows_AreRefused() =>
        ErrorOf("a,b\n1,2\n3,4\n5,6\n", new CsvLimits(MaxRows: 2)).ShouldBe("houses.csv has more than 2 data rows, the limit.");

    [Fact]
    public void AnUnclosedQuote_NamesTheCell() =>
        ErrorOf("a,b\n1,\"2\n").ShouldBe("houses.csv, line 2, column 2: a quoted cell is not closed.");

    [Fact]
    public void ADuplicateColumnName_IsRefused() => ErrorOf("a,a\n1,2\n").ShouldContain("the column name 'a' appears twice");

    [Fact]
    public void AMissingColumn_ListsTheColumns() =>
        ErrorOf("a,b\n1,2\n", column: "price").ShouldBe("houses.csv has no column 'price'; its columns are: a, b.");

    [Fact]
    public void QuotedCells_HoldSeparatorsQuotesAndLineBreaks_AndLinesStillCount()
    {
        var text = "a,b,note\n1,2,\"x, \"\"y\"\"\nz\"\n3,4,w\n5,oops,v\n";
        var table = CsvTable.Parse(text, "t.csv");
        table.RowCount.ShouldBe(3);
        table.NumericColumn("a").ShouldBe([1.0, 3, 5]);
        table.NumericColumns().ShouldBe(["a"]);
        Should.Throw<ScenarioException>(() => table.NumericColumn("b")).Message.ShouldBe("t.csv, line 5, column 2 ('b'): 'oops' is not a number.");
        Should.Throw<ScenarioException>(() => table.NumericColumn("note")).Message.ShouldBe("t.csv, line 2, column 3 ('note'): 'x, \"y\"⏎z' is not a number.");
    }

    [Theory]
    [InlineData("a;b\n1;2.5\n", ';')]
    [InlineData("a\tb\n1\t2.5\n", '\t')]
    [InlineData("a|b\n1|2.5\n", '|')]
    [InlineData("\n\na,b\n1,2.5\n", ',')]
    public void TheSeparator_IsFoundFromTheHeader(string text, char separator)
    {
        var table = CsvTable.Parse(text, "t.csv");
        table.Separator.ShouldBe(separator);
        table.NumericColumn("b").ShouldBe([2.5]);
    }

    [Fact]
    public void LinesCount_BlankLinesBeforeTheHeader() => ErrorOf("\n\na,b\n1,x\n").ShouldBe("houses.csv, line 4, column 2 ('b'): 'x' is not a number.");

    [Fact]
    public void ASemicolonFileWithDecimalCommas_GetsAHint() =>
        ErrorOf("a;b\n1;2,5\n").ShouldEndWith("'2,5' is not a number. This file separates its cells with ';' and seems to write decimals with a comma; write them with a point (1.5).");

    [Fact]
    public void ASingleColumnHeader_HintsAtTheSeparator() =>
        Should.Throw<ScenarioException>(() => CsvTable.Parse("a b c\n1\n", "t.csv").NumericColumn("b"))
            .Message.ShouldContain("its columns are: a b c.");

    [Fact]
    public void TextAfterAClosingQuote_NamesTheCell() => ErrorOf("a,b\n1,\"2\"x\n").ShouldBe("houses.csv, line 2, column 2: text after a closing quote.");

    [Fact]
    public void AQuoteInsideAnUnquotedCell_IsRefused() => ErrorOf("a,b\n1,2\"\n").ShouldContain("line 2, column 2: a quote inside an unquoted cell");

    [Fact]
    public void BinaryContent_IsRefused_WithoutShowingIt()
    {
        var error = ErrorOf("a,b\n1,\0secret\n");
        error.ShouldBe("houses.csv, line 2: this is not a UTF-8 text CSV file (it holds binary data or another encoding); nothing of it is shown. Save it as CSV (UTF-8).");
        error.ShouldNotContain("secret");
    }

    [Fact]
    public void AFileTooWide_IsRefusedFromItsHeader_Quickly()
    {
        // The file: 0.97 MB, 110,000 columns, accepted after 23 s before.
        var header = string.Join(",", Enumerable.Range(0, 110_000).Select(i => $"c{i}"));
        var text = header + "\n" + string.Join(",", Enumerable.Repeat("1", 110_000)) + "\n";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var error = Should.Throw<ScenarioException>(() => CsvTable.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "wide.csv"));
        clock.Stop();
        error.Message.ShouldBe("wide.csv, line 1: the header has 110,000 columns; a CSV file may have at most 1,000.");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void AMillionRows_AreStreamedIntoColumns_InTensOfMegabytes()
    {
        var text = new System.Text.StringBuilder("size,price\n");
        for (var i = 0; i < 1_000_000; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i % 5000 / 1000.0},{i % 7 * 100}\n");
        }

        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
        text.Clear();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var table = CsvTable.Read(stream, "big.csv");
        var size = table.NumericColumn("size");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        table.RowCount.ShouldBe(1_000_000);
        size[4321].ShouldBe(4.321);
        allocated.ShouldBeLessThan(80L << 20);
    }

    [Fact]
    public void AFileOverTheColumnLimit_SaysTheLimit() =>
        ErrorOf("a,b,c\n1,2,3\n", new CsvLimits(MaxColumns: 2)).ShouldBe("houses.csv, line 1: the header has 3 columns; a CSV file may have at most 2.");

    [Fact]
    public void LongCells_AreShortenedInMessages() =>
        ErrorOf($"a,b\n1,{new string('x', 500)}\n").ShouldBe($"houses.csv, line 2, column 2 ('b'): '{new string('x', 40)}…' is not a number.");
}
