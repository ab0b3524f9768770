using GradientLab.Lessons.Runs;
using GradientLab.Lessons.Activities;
using GradientLab.Web.State;
using Microsoft.AspNetCore.Components;

namespace GradientLab.Web.Components.Activities;

/// <summary>
/// Predict, then see, for a page that steps through a run (the live demo, the chain-rule stepper): a switch, the
/// question before the current step built from its own numbers, the grade after the answer, then the step, and a running
/// score recorded in the progress book. While a question is open, <see cref="Hiding"/> tells the page to hide the
/// numbers that give the answer away (the values after the step and the change).
/// </summary>
public sealed partial class PredictPanel
{
    private static readonly (Direction Direction, string Label)[] DirectionChoices =
        [(Direction.Up, "↑ go up"), (Direction.Down, "↓ go down"), (Direction.Stays, "= stay the same")];

    private PredictActivity? _activity;
    private bool _enabled;
    private PredictionKind _kind = PredictionKind.UpdateSigns;
    private PredictThenSee? _predictor;
    private LiveSession? _predictorFor;
    private StepQuestion? _question;
    private (int Cursor, PredictionKind Kind)? _asked;
    private bool _fellBack;
    private Direction?[] _directions = [];
    private string _valueText = "";
    private string? _inputError;
    private StepVerdict? _verdict;
    private bool _showHint;

    /// <summary>The page whose predict activity this is (<c>/live</c> or <c>/neuron</c>).</summary>
    [Parameter, EditorRequired]
    public string Page { get; set; } = "";

    /// <summary>The page's run; the question is about the step that leaves its cursor.</summary>
    [Parameter, EditorRequired]
    public LiveSession Session { get; set; } = default!;

    /// <summary>Takes the step (after the answer has been graded).</summary>
    [Parameter]
    public EventCallback OnStep { get; set; }

    /// <summary>Whether a question is open, so the page hides the values after the step and the change.</summary>
    [Parameter]
    public bool Hiding { get; set; }

    /// <summary>Told when <see cref="Hiding"/> changes.</summary>
    [Parameter]
    public EventCallback<bool> HidingChanged { get; set; }

    /// <summary>Whether a ledger line of the live demo gives the answer away (a value after the step, or the change).</summary>
    public static bool RevealsAnswer(string testId)
    {
        ArgumentNullException.ThrowIfNull(testId);
        return testId.EndsWith("-after", StringComparison.Ordinal) || testId.StartsWith("ledger-delta-", StringComparison.Ordinal);
    }

    private string FirstName => Session.ParameterNames.Count > 0 ? Session.ParameterNames[0] : "w";

    private string HiddenNote => Page == "/neuron"
        ? "The new w and b are hidden until you answer."
        : "The ledger hides the change and the values after this step until you answer.";

    private string StatusText
    {
        get
        {
            var progress = Progress.Book.Of(_activity!.Id);
            return progress.Status switch
            {
                ActivityStatus.Completed => "✓ completed",
                ActivityStatus.Attempted => $"best {progress.BestScore} of {progress.OutOf} right so far",
                _ => $"{_activity.Goal} right predictions complete it",
            };
        }
    }

    /// <inheritdoc/>
    protected override void OnInitialized()
    {
        _activity = Progress.Catalog.ForPage(Page).OfType<PredictActivity>().FirstOrDefault();
        base.OnInitialized();
    }

    /// <inheritdoc/>
    protected override async Task OnParametersSetAsync()
    {
        if (!ReferenceEquals(_predictorFor, Session))
        {
            _predictorFor = Session;
            _predictor = new PredictThenSee(Session.Resolved, Session.Trajectory);
            _verdict = null;
            _asked = null;
        }

        Ask();
        await NotifyHidingAsync();
    }

    /// <summary>Asks about the step that leaves the cursor, unless that question is already open.</summary>
    private void Ask()
    {
        if (!_enabled || _predictor is null)
        {
            _question = null;
            _asked = null;
            return;
        }

        if (_asked == (Session.Cursor, _kind))
        {
            return;
        }

        _asked = (Session.Cursor, _kind);
        _question = _predictor.Ask(Session.Cursor, _kind);
        _fellBack = _question is null && _kind == PredictionKind.NextValue;
        if (_fellBack)
        {
            _question = _predictor.Ask(Session.Cursor, PredictionKind.UpdateSigns);
            _fellBack = _question is not null;
        }

        _directions = new Direction?[_question?.Parameters.Count ?? 0];
        _valueText = "";
        _inputError = null;
        _showHint = false;
    }

    private async Task NotifyHidingAsync()
    {
        var hide = _enabled && _question is not null;
        if (hide != Hiding)
        {
            await HidingChanged.InvokeAsync(hide);
        }
    }

    private async Task ToggleAsync(ChangeEventArgs e)
    {
        _enabled = e.Value is true;
        _verdict = null;
        _asked = null;
        Ask();
        await NotifyHidingAsync();
    }

    private async Task SetKindAsync(PredictionKind kind)
    {
        _kind = kind;
        Ask();
        await NotifyHidingAsync();
    }

    private async Task SubmitAsync()
    {
        if (_question is not { } question || _predictor is null || _activity is null)
        {
            return;
        }

        StepVerdict verdict;
        if (question.Kind == PredictionKind.UpdateSigns)
        {
            if (_directions.Any(d => d is null))
            {
                _inputError = $"Choose up, down or the same for {string.Join(" and ", question.Parameters.Where((_, i) => _directions[i] is null))}.";
                return;
            }

            verdict = _predictor.Grade(question, [.. _directions.Select(d => d!.Value)]);
        }
        else
        {
            if (!PredictThenSee.TryParseNumber(_valueText, out var value))
            {
                _inputError = string.IsNullOrWhiteSpace(_valueText)
                    ? $"Type your prediction of {question.Parameters[0]} after the step, such as 6.5 or −0.012."
                    : $"“{_valueText}” is not a number: type one such as 6.5 or −0.012.";
                return;
            }

            verdict = _predictor.Grade(question, value);
        }

        _verdict = verdict;
        _inputError = null;
        await Progress.RecordAsync(_activity.Id, _predictor.Outcome(_activity.Goal));
        await OnStep.InvokeAsync();
    }
}
