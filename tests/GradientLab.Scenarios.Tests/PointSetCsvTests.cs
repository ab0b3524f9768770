using GradientLab.Core.Data;

namespace GradientLab.Scenarios.Tests;

/// <summary>The learner's own points from CSV: the columns, the labels 0 and 1, and every refusal naming its line.</summary>
public sealed class PointSetCsvTests
{
    private static string ErrorOf(string text) => Should.Throw<ScenarioException>(() => PointSetCsv.Parse(text, "points.csv")).Message;

    [Fact]
    public void ReadsX1X2AndLabel_InAnyColumnOrder_WithOtherColumnsBeside()
    {
        var data = PointSetCsv.Parse("label;name;x2;x1\n1;a;0.5;-1\n0;b;2;3e-1\n\n1;\"c; d\";-0.25;0\n", "points.csv");
        data.SampleCount.ShouldBe(3);
        data.FeatureNames.ShouldBe(["x1", "x2"]);
        data.Column(0).ToArray().ShouldBe([-1.0, 0.3, 0.0]);
        data.Column(1).ToArray().ShouldBe([0.5, 2.0, -0.25]);
        data.Targets.ToArray().ShouldBe([1.0, 0.0, 1.0]);
    }

    [Fact]
    public void OtherColumnNames_CanBeGiven()
    {
        var data = PointSetCsv.Parse("a,b,class\n1,2,0\n3,4,1\n", "points.csv", "a", "b", "class");
        data.Column(1).ToArray().ShouldBe([2.0, 4.0]);
    }

    [Fact]
    public void ALabelOtherThan0Or1_NamesItsLineAndColumn_CountingBlankLines()
    {
        ErrorOf("x1,x2,label\n1,2,0\n\n\n3,4,2\n").ShouldBe("points.csv, line 5, column 3 ('label'): the label is 2; a label must be 0 or 1.");
        ErrorOf("x1,x2,label\n1,2,0.5\n").ShouldBe("points.csv, line 2, column 3 ('label'): the label is 0.5; a label must be 0 or 1.");
        ErrorOf("x1,x2,label\n1,\"2\n\",1\n3,4,-1\n").ShouldBe("points.csv, line 4, column 3 ('label'): the label is -1; a label must be 0 or 1.");
    }

    [Fact]
    public void AMissingColumn_ABadCell_AndTooManyRows_AreRefusedAsTheCsvReaderDoes()
    {
        ErrorOf("x1,y,label\n1,2,0\n").ShouldBe("points.csv has no column 'x2'; its columns are: x1, y, label.");
        ErrorOf("x1,x2,label\n1,2,0\n1,abc,1\n").ShouldBe("points.csv, line 3, column 2 ('x2'): 'abc' is not a number.");
        ErrorOf("x1,x2,label\n1,2,\n").ShouldBe("points.csv, line 2, column 3 ('label'): the cell is empty.");
        var rows = string.Concat(Enumerable.Repeat("1,2,0\n", PointSets.MaxCount + 1));
        ErrorOf("x1,x2,label\n" + rows).ShouldBe("points.csv has more than 10,000 data rows, the limit.");
        PointSetCsv.Parse("x1,x2,label\n" + string.Concat(Enumerable.Repeat("1,2,0\n", PointSets.MaxCount)), "points.csv").SampleCount.ShouldBe(10_000);
    }

    [Fact]
    public void LineOf_FollowsBlankLinesAndLineBreaksInsideCells()
    {
        var table = CsvTable.Parse("\n\na,b\n1,2\n\n3,\"x\ny\"\n5,6\n\n\n7,8\n", "t.csv");
        Enumerable.Range(0, table.RowCount).Select(table.LineOf).ShouldBe([4, 6, 8, 11]);
        Should.Throw<ArgumentOutOfRangeException>(() => table.LineOf(4));
        Should.Throw<ArgumentOutOfRangeException>(() => table.LineOf(-1));
    }

    [Fact]
    public void AStream_IsReadToo()
    {
        using var stream = new MemoryStream("x1,x2,label\n0.5,0.5,1\n"u8.ToArray());
        PointSetCsv.Read(stream, "points.csv").Targets.ToArray().ShouldBe([1.0]);
    }
}
