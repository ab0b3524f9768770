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
}
