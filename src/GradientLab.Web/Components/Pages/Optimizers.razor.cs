using GradientLab.Lessons.Optimizers;
using GradientLab.Lessons.Runs;
using System.Globalization;
using GradientLab.Lessons.Playback;
using GradientLab.Core.Descent;
using GradientLab.Scenarios;
using GradientLab.Web.Components.Charts;
using GradientLab.Web.State;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace GradientLab.Web.Components.Pages;

/// <summary>The optimizer lab: the learning-rate dilemma, momentum against vanilla, the race, the optimizer's state and schedules.</summary>
public sealed partial class Optimizers
{
    private readonly double[] _alphas = [.. LearningRateDilemma.DefaultAlphas];
    private double _threshold = LearningRateDilemma.DefaultThreshold;
    private LearningRateDilemma _dilemma = default!;
    private Func<int, string> _dilemmaParabola = _ => "";
    private Func<int, string> _dilemmaLoss = _ => "";

    private double _momentumAlpha = MomentumComparison.DefaultAlpha;
    private double _beta = MomentumComparison.DefaultBeta;
    private int _momentumAt = 1;
    private MomentumComparison? _momentumRuns;
    private string? _momentumError;
    private Func<int, string> _momentumFigure = _ => "";

    private readonly RaceLab _lab = new();
    private bool _race3d;
    private readonly SurfaceTurn _raceTurn = new();
    private (RaceSession Race, int Width, string Svg)? _raceContours;
    private PlaybackClock? _raceClock;

    private RaceSession? Race => _lab.Race;

    /// <inheritdoc/>
    public void Dispose() => StopRace();

    /// <summary>What the address keeps of this page: the race a learner set up.</summary>
    private static readonly LinkSetting[] LinkSettings =
    [
        new("surface", "rosenbrock", [.. RaceSession.Surfaces.Select(s => s.Key)]),
        new("racers", "gd,momentum,adam", [.. RaceSession.AllRacers.Select(r => r.Key)], Many: true),
        new("budget", "500", Min: 1, Max: 20_000),
        new("schedule", "constant", [.. ScenarioResolver.ScheduleKinds.Where(k => k != "inverse-time")]),
        new("l2", "0", ["0", "1"]),
        new("view", "contour", ["contour", "3d"]),
    ];

    private string? _linkError;

    /// <summary>The time the playback clock ticks by (a fake one in component tests).</summary>
    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private Microsoft.JSInterop.IJSRuntime JS { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <inheritdoc/>
    protected override void OnInitialized()
    {
        BuildDilemma();
        BuildMomentum();
        try
        {
            var link = SettingLinks.Read(Navigation.Uri, LinkSettings, [.. RaceLinks.Parameters, .. OptimizerLinks.Parameters]);
            var query = LinkQuery.Parse(Navigation.Uri);
            var sections = OptimizerLinks.Read(query);
            _lab.SetRates(RaceLinks.ReadRates(query), link["racers"].Split(',', StringSplitOptions.RemoveEmptyEntries),
                int.Parse(link["budget"], CultureInfo.InvariantCulture), link["schedule"], link["l2"] == "1", link["surface"], RaceLinks.ReadStart(query));
            _race3d = link["view"] == "3d";
            Restore(sections);
        }
        catch (ScenarioException error)
        {
            _linkError = $"This link could not be opened: {error.Message} Showing the page's defaults instead.";
        }
    }

    /// <summary>Sets the dilemma's and the momentum comparison's controls from a link, and runs them.</summary>
    private void Restore(OptimizerSections sections)
    {
        for (var k = 0; k < _alphas.Length; k++)
        {
            _alphas[k] = sections.Alphas[k];
        }

        _threshold = sections.Threshold;
        _momentumAlpha = sections.MomentumAlpha;
        _beta = sections.Beta;
        _momentumAt = sections.Iteration;
        BuildDilemma();
        BuildMomentum();
    }

    /// <summary>What the address keeps of the first two sections.</summary>
    private OptimizerSections Sections => new([.. _alphas], _threshold, _momentumAlpha, _beta, _momentumAt);

    private void OnRaceView3d(ChangeEventArgs e)
    {
        _race3d = e.Value is true;
        UpdateAddress();
    }

    /// <summary>Writes the page's settings (the race's and the first two sections') into the address (replacing it).</summary>
    private void UpdateAddress()
    {
        var query = SettingLinks.Query(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["surface"] = _lab.Surface.Key,
            ["racers"] = string.Join(",", _lab.Chosen),
            ["budget"] = _lab.Budget.ToString(CultureInfo.InvariantCulture),
            ["schedule"] = _lab.Schedule,
            ["l2"] = _lab.DecayCompare ? "1" : "0",
            ["view"] = _race3d ? "3d" : "contour",
        }, LinkSettings, [.. RaceLinks.Write(_lab.Rates, _lab.Start, _lab.Surface.Start), .. OptimizerLinks.Write(Sections)]);
        var address = LinkQuery.Address("optimizers", query, Navigation.Uri);
        if (LinkQuery.PageQuery(address) != LinkQuery.PageQuery(Navigation.Uri))
        {
            Navigation.NavigateTo(address, forceLoad: false, replace: true);
        }
    }

    private void BuildDilemma()
    {
        _dilemma = new LearningRateDilemma(_alphas, _threshold);
        var series = _dilemma.Rows.Where(r => r.Session is not null)
            .Select(r => new RunSeries($"α = {N(r.Alpha)}", $"gl-r{((r.Run - 1) * 2) + 1}", r.Session!.Trajectory)).ToList();
        _dilemmaParabola = DrawnPerWidth.Keep(width => OptimizerFigures.Parabola(series, 10, width: width));
        _dilemmaLoss = DrawnPerWidth.Keep(width => ConceptFigures.Losses(series, "dilemma-loss", "dilemma-loss-plot", "iteration", width: width));
    }

    private void SetAlpha(int index, ChangeEventArgs e)
    {
        if (TryNumber(e, out var value) && OptimizerLinks.Accepts(value))
        {
            _alphas[index] = value;
            BuildDilemma();
            UpdateAddress();
        }
    }

    private void OnThreshold(ChangeEventArgs e)
    {
        if (TryNumber(e, out var value) && OptimizerLinks.AcceptsThreshold(value))
        {
            _threshold = value;
            BuildDilemma();
            UpdateAddress();
        }
    }

    private void BuildMomentum()
    {
        try
        {
            _momentumRuns = new MomentumComparison(_momentumAlpha, _beta);
            _momentumError = null;
        }
        catch (ScenarioException error)
        {
            _momentumError = error.Message;
            return;
        }

        ShowMomentum();
    }

    private void ShowMomentum()
    {
        var runs = _momentumRuns!;
        var series = new List<RunSeries> { new("vanilla", "gl-r1", runs.Vanilla.Trajectory), new($"momentum β = {N(runs.Beta)}", "gl-r6", runs.Momentum.Trajectory) };
        var at = _momentumAt;
        var move = runs.NextMove(at);
        _momentumFigure = DrawnPerWidth.Keep(width => OptimizerFigures.ThetaAgainstIteration(series, series[1], at, move, width: width));
    }

    private void SetMomentum(ChangeEventArgs e, Action<double> assign)
    {
        if (TryNumber(e, out var value) && OptimizerLinks.Accepts(value))
        {
            assign(value);
            BuildMomentum();
            UpdateAddress();
        }
    }

    private void OnMomentumAt(ChangeEventArgs e)
    {
        if (TryNumber(e, out var value))
        {
            _momentumAt = Math.Clamp((int)value, 0, OptimizerLinks.LastIteration);
            if (_momentumRuns is not null)
            {
                ShowMomentum();
            }

            UpdateAddress();
        }
    }

    /// <summary>Stops the playback and applies a change to the race, then writes the address.</summary>
    private void ChangeRace(Action change)
    {
        StopRace();
        change();
        UpdateAddress();
    }

    private void OnSurface(ChangeEventArgs e) => ChangeRace(() => _lab.SetSurface(e.Value?.ToString() ?? ""));

    private void OnBudget(ChangeEventArgs e)
    {
        if (TryNumber(e, out var value))
        {
            ChangeRace(() => _lab.SetBudget((int)value));
        }
    }

    private void OnSchedule(ChangeEventArgs e) => ChangeRace(() => _lab.SetSchedule(e.Value?.ToString() ?? "constant"));

    private void OnDecayCompare(ChangeEventArgs e) => ChangeRace(() => _lab.SetDecayCompare(e.Value is true));

    private void ToggleRacer(string key, ChangeEventArgs e) => ChangeRace(() => _lab.Choose(key, e.Value is true));

    private void SetRate(string key, ChangeEventArgs e)
    {
        if (TryNumber(e, out var value))
        {
            ChangeRace(() => _lab.SetRate(key, value));
        }
    }

    /// <summary>The race surface's contours at this width, drawn once per surface and width (the start does not change them).</summary>
    private string RaceContours(int width)
    {
        if (Race is null)
        {
            return "";
        }

        if (_raceContours is not { } kept || kept.Width != width || !ReferenceEquals(kept.Race.Surface, Race.Surface))
        {
            _raceContours = kept = (Race, width, OptimizerFigures.RaceContours(Race, width));
        }

        return kept.Svg;
    }

    private void OnRaceClick(MouseEventArgs e, int width)
    {
        if (Race is not null && OptimizerFigures.RacePointAt(Race, e.OffsetX, e.OffsetY, width) is { } point)
        {
            ChangeRace(() => _lab.SetStartAtClick(point.X, point.Y));
        }
    }

    private void RaceStep()
    {
        StopRace();
        Race?.Step();
    }

    private void RaceReset()
    {
        StopRace();
        _lab.Build();
    }

    /// <summary>The race's speeds: the teacher chooses how long it lasts (the playback clock ticks at most 60 times a second).</summary>
    private static readonly int[] RaceSpeeds = [10, 30, 100, 300, 1000, 3000];

    private int _raceSpeed = 300;

    private void OnRaceSpeed(ChangeEventArgs e)
    {
        _raceSpeed = int.TryParse(e.Value?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var speed) && RaceSpeeds.Contains(speed) ? speed : 300;
        _raceClock?.ChangeSpeed(_raceSpeed);
    }

    private bool RacePlaying => _raceClock?.IsPlaying == true;

    private void ToggleRace()
    {
        if (RacePlaying)
        {
            StopRace();
            return;
        }

        if (Race is null)
        {
            return;
        }

        if (Race.Finished)
        {
            _lab.Build();
        }

        _raceClock ??= new PlaybackClock(AnimationFrames.Dispatch(JS, InvokeAsync), Time);
        _raceClock.Play(_raceSpeed, steps =>
        {
            var goesOn = true;
            for (var i = 0; i < steps && goesOn; i++)
            {
                goesOn = Race is not null && Race.Step();
            }

            StateHasChanged();
            return goesOn;
        });
    }

    private void StopRace() => _raceClock?.Pause();

    private void ApplyAdvice()
    {
        if (_lab.ApplyAdvice())
        {
            UpdateAddress();
        }
    }

    private static bool TryNumber(ChangeEventArgs e, out double value) =>
        double.TryParse(e.Value?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static string N(double value) => RunPresentation.Number(value);

    private static string I(double value) => value.ToString("R", CultureInfo.InvariantCulture);

}
