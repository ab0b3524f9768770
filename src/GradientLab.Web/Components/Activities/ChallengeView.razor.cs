using System.Globalization;
using System.Text;
using GradientLab.Lessons.Activities;
using GradientLab.Web.Components.Charts;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace GradientLab.Web.Components.Activities;

/// <summary>
/// The momentum coding challenge: the learner's JavaScript runs in a worker (wwwroot/challenge.js) with a time limit per
/// hidden case, is graded against the engine's reference, and the feedback charts the two trajectories.
/// </summary>
public sealed partial class ChallengeView
{
    private ElementReference _editor;
    private IJSObjectReference? _editorKeys;
    private string _code = MomentumChallenge.StarterCode;
    private bool _running;
    private string? _problem;
    private ChallengeReport? _report;
    private string? _chartCase;
    private (int Width, string Case, string Svg)? _chart;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>Told the outcome of every run, for the progress book.</summary>
    [Parameter]
    public EventCallback<ActivityOutcome> OnOutcome { get; set; }

    /// <summary>How long one hidden case may run.</summary>
    [Parameter]
    public TimeSpan TimeLimit { get; set; } = MomentumChallenge.TimeLimitPerCase;

    private int LineCount => _code.Count(c => c == '\n') + 1;

    private string LineNumbers => EditorLines.Numbers(LineCount);

    private string LimitSeconds => TimeLimit.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        try
        {
            _editorKeys = await JS.InvokeAsync<IJSObjectReference>("gradientLab.bindEditor", _editor);
        }
        catch (JSException)
        {
            // Without it Tab leaves the editor, as in any text field; the code can still be typed.
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_editorKeys is null)
        {
            return;
        }

        try
        {
            await JS.InvokeVoidAsync("gradientLab.unbindEditor", _editorKeys);
            await _editorKeys.DisposeAsync();
        }
        catch (Exception error) when (error is JSDisconnectedException or JSException)
        {
            // The page is gone with its editor.
        }
    }

    private async Task RunAsync()
    {
        _running = true;
        _problem = null;
        StateHasChanged();
        try
        {
            var json = await JS.InvokeAsync<string>("gradientLabChallenge.runJson", _code, MomentumChallenge.CasesJson(), (int)TimeLimit.TotalMilliseconds);
            _report = MomentumChallenge.Grade(LearnerCaseResult.ParseAll(json));
            _chartCase = (_report.Cases.FirstOrDefault(c => !c.Passed) ?? _report.Cases[0]).Case.Id;
            _chart = null;
            await OnOutcome.InvokeAsync(_report.Outcome);
        }
        catch (Exception error) when (error is JSException or FormatException)
        {
            _report = null;
            _problem = $"Your code could not be run in this browser ({error.Message}).";
        }
        finally
        {
            _running = false;
        }
    }

    private void StartOver()
    {
        _code = MomentumChallenge.StarterCode;
        _report = null;
        _problem = null;
    }

    /// <summary>The chart of the chosen case, drawn again only when the case or the width changes (not at every keystroke).</summary>
    private string Chart(int width)
    {
        if (_report?.Cases.FirstOrDefault(c => c.Case.Id == _chartCase) is not { } verdict)
        {
            return "";
        }

        if (_chart is not { } cached || cached.Width != width || cached.Case != verdict.Case.Id)
        {
            _chart = cached = (width, verdict.Case.Id, ChallengeFigures.Trajectories(verdict, width));
        }

        return cached.Svg;
    }
}

/// <summary>The editor's line-number gutter.</summary>
public static class EditorLines
{
    /// <summary>"1\n2\n…\nN": one number per line of the code.</summary>
    public static string Numbers(int lineCount)
    {
        var text = new StringBuilder();
        for (var line = 1; line <= Math.Max(1, lineCount); line++)
        {
            text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString(0, text.Length - 1);
    }
}
