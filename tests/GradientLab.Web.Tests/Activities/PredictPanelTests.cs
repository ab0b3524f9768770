using GradientLab.Web.Components.Activities;

namespace GradientLab.Web.Tests.Activities;

/// <summary>What predict-then-see hides on the live demo while a question is open.</summary>
public sealed class PredictPanelTests
{
    [Theory]
    [InlineData("ledger-w-after", true)]
    [InlineData("ledger-cost-after", true)]
    [InlineData("ledger-delta-b", true)]
    [InlineData("ledger-w-before", false)]
    [InlineData("ledger-grad-w", false)]
    [InlineData("ledger-alpha", false)]
    public void Predicting_HidesOnlyTheLedgerLinesThatGiveTheAnswerAway(string testId, bool hidden) =>
        PredictPanel.RevealsAnswer(testId).ShouldBe(hidden);
}
