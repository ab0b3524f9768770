using GradientLab.Lessons.Runs;
using GradientLab.Lessons.Playback;
using GradientLab.Figures;
using System.Globalization;
using System.Text;
using GradientLab.Plotting;
using GradientLab.Scenarios;
using GradientLab.Web.Components.Charts;
using GradientLab.Web.State;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace GradientLab.Web.Components.Pages;

/// <summary>The live demo: a scenario's run, played step by step through three linked views.</summary>
public sealed partial class Live
{
    /// <summary>The largest step budget the page accepts (the whole run is computed when settings change).</summary>
    public const int MaxLiveSteps = LiveLinks.MaxSteps;

    /// <summary>Largest CSV upload, in bytes.</summary>
    public const int MaxUploadBytes = 1024 * 1024;

    /// <summary>Most rows of an uploaded CSV.</summary>
    public const int MaxUploadRows = 10_000;

    /// <summary>The playback timer renders at most this often; faster speeds advance several steps per frame.</summary>

    /// <summary>The longest stretch of computing before the page hands the browser a frame (a frame is about 16 ms).</summary>
    private static readonly TimeSpan ComputeSlice = TimeSpan.FromMilliseconds(12);

    private const string CustomPreset = LiveLinks.Custom;
    private static readonly IReadOnlyList<string> LivePresets = LiveLinks.Presets;
    private static readonly IReadOnlyList<int> Speeds = LiveSettings.Speeds;
    private static readonly IReadOnlyList<string> LoopPhases = LiveSettings.LoopPhases;
    private static readonly IReadOnlyList<(string Key, string Label)> Datasets = LiveSettings.Datasets;

    private Scenario _scenario = Presets.Get("housing-live-demo").Scenario;
    private string _presetName = "housing-live-demo";
    private string _datasetKey = "portland";
    private LiveSession? _session;
    private RunFigures? _figures;
    private string? _error;
    private string? _linkNote;
    private int _speed = LiveSettings.DefaultSpeed;
    private int _phase = -1;
    private CancellationTokenSource? _phaseAnimation;
    private string _lossScale = "auto";

    /// <summary>
    /// Everything the settings and playback controls show: they are rendered again when it changes, not at every frame of
    /// playback (<see cref="RenderOnChange"/>).
    /// </summary>
    private object ControlsKey => (_scenario, _presetName, _datasetKey, _uploaded, _uploadName, _uploadColumns, _uploadX, (_uploadY, _uploadError, _predictionX, Playing, _session, _speed));

    /// <summary>The loss view's scale as the figures take it: log, linear, or (null) log beyond three decades.</summary>
    private bool? LogLoss => _lossScale switch { "log" => true, "linear" => false, _ => null };
    private bool _pinView;
    private bool _surface3d;
    private readonly SurfaceTurn _turn = new();
    private int _figureWidth = 430;
    private int _fitHeight;
    private bool _figureSized;
    private IJSObjectReference? _widthWatch;
    private double _predictionX = 1.25;
    private PlaybackClock? _clock;
    private CancellationTokenSource? _computing;
    private int? _computedStep;
    private int _computingTarget;
    private DotNetObjectReference<Live>? _self;
    private IJSObjectReference? _keys;
    private string? _loadedQuery;
    private LiveView? _openedView;
    private MissingFile? _missingFile;
    private bool _downloadFailed;
    private bool _ready;
    private bool _predicting;
    private bool _reducedMotion;

    private CsvTable? _uploaded;
    private string? _uploadName;
    private string? _uploadError;
    private IReadOnlyList<string> _uploadColumns = [];
    private string? _uploadX;
    private string? _uploadY;

    /// <summary>The time the playback clock ticks by (a fake one in component tests).</summary>
    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>A preset to open (from the address; the whole address is read by <see cref="LiveLinks.Read"/>).</summary>
    [SupplyParameterFromQuery(Name = "preset")]
    public string? PresetQuery { get; set; }

    /// <summary>A whole scenario as base64url JSON (a version 1 link, still read).</summary>
    [SupplyParameterFromQuery(Name = "s")]
    public string? ScenarioQuery { get; set; }

    /// <summary>The step shown (from the address).</summary>
    [SupplyParameterFromQuery(Name = "step")]
    public string? StepQuery { get; set; }

    private double LearningRate => OptimizerCatalogue.LearningRateOf(_scenario.Optimizer);

    private string Log10Rate => LiveSettings.SliderPosition(LearningRate);

    private IReadOnlyList<double> StartValues => _session?.Resolved.Scenario.Start ?? _scenario.Start ?? [0, 0];

    private string LoopExplanation => LiveSettings.LoopExplanation(_phase);

    /// <summary>The width a figure gets on this screen, from app.js, and in presenting mode the height that reaches the
    /// screen's bottom (0 otherwise): the figures are laid out again for them.</summary>
    [JSInvokable]
    public void OnFigureWidth(int width, int fitHeight)
    {
        _figureWidth = width;
        _fitHeight = fitHeight;
        ApplyFigureSize();
        StateHasChanged();
    }

    private void ApplyFigureSize()
    {
        if (_figures is not null)
        {
            (_figures.ViewSize, _figures.LossSize) = LiveSettings.FigureSizes(_figureWidth, _fitHeight);
        }
    }

    /// <summary>Keyboard shortcuts from app.js: space, right, left, r.</summary>
    [JSInvokable]
    public async Task OnKey(string key)
    {
        switch (key)
        {
            case "space": await TogglePlay(); break;
            case "right": StepForward(); break;
            case "left": StepBack(); break;
            case "r": Reset(); break;
            case "plus": ChangeSpeed(+1); break;
            case "minus": ChangeSpeed(-1); break;
        }

        StateHasChanged();
    }

    /// <inheritdoc/>
    protected override void OnParametersSet()
    {
        var query = LinkQuery.PageQuery(Navigation.Uri);
        if (query == _loadedQuery)
        {
            return;
        }

        _loadedQuery = query;
        Open(Navigation.Uri);
    }

    private void Open(string address, string? uploadedCsv = null)
    {
        LiveLink link;
        try
        {
            link = LiveLinks.Read(address, uploadedCsv);
        }
        catch (ScenarioException error)
        {
            _presetName = LiveLinks.DefaultPreset;
            Start(Presets.Get(LiveLinks.DefaultPreset).Scenario, updateAddress: false);
            _error = $"This link could not be opened: {error.Message} Showing the live demo instead.";
            return;
        }

        _error = null; // a link that opens replaces a bad one's message
        _missingFile = link.Missing;
        _presetName = link.Preset;
        _openedView = link.View;
        _surface3d = link.View.Surface3d;
        _lossScale = link.View.LossScale;
        _pinView = link.View.PinView;
        _predictionX = link.View.PredictionX ?? LiveLinks.DefaultPredictionX(LiveLinks.DatasetKey(link.Scenario.Objective?.Data));
        Start(link.Scenario, updateAddress: false);
    }

    /// <inheritdoc/>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            try
            {
                _keys = await JS.InvokeAsync<IJSObjectReference>("gradientLab.bindKeys", _self);
            }
            catch (JSException)
            {
                // Keyboard shortcuts are optional: the buttons still work.
            }

            try
            {
                _widthWatch = await JS.InvokeAsync<IJSObjectReference>("gradientLab.watchWidth", _self, ".gl-views .gl-view");
            }
            catch (JSException)
            {
                // Without it the figures keep their default width.
            }

            try
            {
                _reducedMotion = await JS.InvokeAsync<bool>("gradientLab.reducedMotion");
            }
            catch (JSException)
            {
                // Unknown: the phases animate.
            }

            _ready = true;
            StateHasChanged();
        }
        else if (_figures is not null && !_figureSized && _widthWatch is not null)
        {
            // The views appeared with the first run: measure the space they were given.
            _figureSized = true;
            try
            {
                await JS.InvokeVoidAsync("gradientLab.measure", _widthWatch);
            }
            catch (JSException)
            {
                // Optional.
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        StopPlayback();
        _computing?.Cancel();
        if (_keys is not null)
        {
            try
            {
                await JS.InvokeVoidAsync("gradientLab.unbindKeys", _keys);
                await _keys.DisposeAsync();
            }
            catch (Exception error) when (error is JSDisconnectedException or JSException)
            {
                // The page is gone with its listener.
            }
        }

        if (_widthWatch is not null)
        {
            try
            {
                await JS.InvokeVoidAsync("gradientLab.unwatch", _widthWatch);
                await _widthWatch.DisposeAsync();
            }
            catch (Exception error) when (error is JSDisconnectedException or JSException)
            {
                // The page is gone with its observer.
            }
        }

        _self?.Dispose();
    }

    /// <summary>Starts computing the run of <paramref name="scenario"/>; the current run stays on screen until it is ready.</summary>
    private void Start(Scenario scenario, bool updateAddress = true) => _ = StartAsync(scenario, updateAddress);

    private async Task StartAsync(Scenario scenario, bool updateAddress)
    {
        StopPlayback();
        _computing?.Cancel();
        var computing = _computing = new CancellationTokenSource();

        // The requested settings count from now: a change made while this run is computed builds on them.
        var previous = _scenario;
        _scenario = scenario;
        try
        {
            // Limits before work: the page's own step budget is checked before anything runs.
            var steps = scenario.Steps ?? ScenarioResolver.DefaultSteps;
            if (steps > MaxLiveSteps)
            {
                throw new ScenarioException($"steps: {steps:N0} is more than this page runs ({MaxLiveSteps:N0}); the command line runs up to 1,000,000.");
            }

            _computingTarget = steps;
            var session = await LiveSession.ComputeAsync(
                scenario with { Steps = steps },
                ComputeSlice,
                () => Task.Delay(1, computing.Token),
                step =>
                {
                    _computedStep = step;
                    StateHasChanged();
                },
                computing.Token);
            _session = session;
            _figures = new RunFigures(session.Resolved, session.Trajectory) { PredictionX = _predictionX, PinView = _pinView };
            ApplyFigureSize();
            _datasetKey = LiveSettings.DatasetKeyOf(scenario);
            if (updateAddress)
            {
                _error = null; // a link's message stays until the learner changes something (the run may be ready after it is set)
            }
            _phase = -1;
            if (_openedView is { } opened)
            {
                // A link's step: the run opens where the learner was.
                _openedView = null;
                session.Advance(Math.Min(opened.Step, session.LastStep));
            }

            if (updateAddress)
            {
                _missingFile = null;
                UpdateAddress();
            }
        }
        catch (ScenarioException error) when (_session is null && !updateAddress)
        {
            // A link's run that cannot be made: open the live demo, and say what to change.
            _openedView = null;
            _presetName = LiveLinks.DefaultPreset;
            await StartAsync(Presets.Get(LiveLinks.DefaultPreset).Scenario, updateAddress: false);
            _error = $"This link's run could not be made: {error.Message} Showing the live demo instead.";
            return;
        }
        catch (ScenarioException error)
        {
            // Nothing is lost: the previous run stays on screen, and the message says what to change.
            _scenario = previous;
            _error = error.Message;
        }
        catch (OperationCanceledException)
        {
            return; // newer settings replaced this run before it was ready
        }
        finally
        {
            if (ReferenceEquals(_computing, computing))
            {
                _computing = null;
                _computedStep = null;
            }
        }

        StateHasChanged();
    }

    private void Change(SettingChange change)
    {
        if (change.Scenario is { } next)
        {
            Change(_ => next);
        }
        else
        {
            _error = change.Error;
        }
    }

    private void Change(Func<Scenario, Scenario> change)
    {
        _presetName = CustomPreset;
        Start(change(_scenario));
    }

    /// <summary>
    /// Writes the run, the step and the view into the address (replacing it: no history entry). Called on changes and
    /// on explicit step actions and pauses, never on every frame of playback.
    /// </summary>
    private void UpdateAddress()
    {
        if (_session is null || _missingFile is not null)
        {
            return; // a link waiting for its file keeps its address until the file is given
        }

        var view = new LiveView(_session.Cursor, _surface3d, _lossScale, _pinView, double.IsFinite(_predictionX) ? _predictionX : null);
        if (LiveLinks.Query(_scenario, view) is not { } query)
        {
            _linkNote = "This run's data is too large to carry in the address, so a copied link will not include it.";
            return;
        }

        _linkNote = null;
        var address = LinkQuery.Address("live", query, Navigation.Uri);
        _loadedQuery = LinkQuery.PageQuery(address); // before navigating: the new address must not restart the run it describes
        Navigation.NavigateTo(address, forceLoad: false, replace: true);
    }

    private void OnPresetChanged(ChangeEventArgs e)
    {
        var name = e.Value?.ToString() ?? "";
        if (Presets.Find(name) is { } preset)
        {
            _presetName = name;
            Start(preset.Scenario);
        }
    }

    private void OnDatasetChanged(ChangeEventArgs e)
    {
        var key = e.Value?.ToString() ?? "portland";
        if (key == "upload")
        {
            UseUpload();
            return;
        }

        var data = LiveLinks.DatasetSpec(key) ?? new DataSpec { Builtin = key };
        _predictionX = LiveLinks.DefaultPredictionX(key);
        Change(s => s with
        {
            Objective = new ObjectiveSpec { Kind = "linear-regression", Loss = "half-mse", ScaleFeatures = s.Objective?.ScaleFeatures, Data = data },
            Start = key == "portland" ? [-0.1, 900] : [0, 0],
        });
    }

    private void OnRateSlider(ChangeEventArgs e) => WithNumber(e, "learning rate", log =>
        Change(s => LiveSettings.WithLearningRate(s, LiveSettings.RateFromSlider(log))));

    private void OnRateBox(ChangeEventArgs e) => WithNumber(e, "learning rate", rate =>
        Change(s => LiveSettings.WithLearningRate(s, rate)));

    private void OnSteps(ChangeEventArgs e) => WithNumber(e, "steps budget", steps => Change(LiveSettings.WithSteps(_scenario, steps, MaxLiveSteps)));

    private static IReadOnlyList<string> OptimizerChoices => LiveLinks.Optimizers;

    private string OptimizerChoice => LiveLinks.OptimizerChoice(_scenario);

    private void OnOptimizer(ChangeEventArgs e)
    {
        var choice = e.Value?.ToString() ?? "gd";
        Change(s => s with { Optimizer = LiveLinks.NewOptimizer(choice, s.Optimizer?.LearningRate) });
    }

    private void OnMomentum(ChangeEventArgs e) => WithNumber(e, "momentum", momentum =>
        Change(s => LiveSettings.WithMomentum(s, momentum)));

    private void OnBatchKind(ChangeEventArgs e) =>
        Change(s => LiveSettings.WithBatchKind(s, e.Value?.ToString() ?? "full", _session?.Resolved.Data?.SampleCount ?? 8));

    private void OnBatchSize(ChangeEventArgs e) => WithNumber(e, "batch size", size => Change(LiveSettings.WithBatchSize(_scenario, size)));

    private void OnSeed(ChangeEventArgs e) => WithNumber(e, "seed", seed => Change(LiveSettings.WithSeed(_scenario, seed)));

    private void OnUpdate(ChangeEventArgs e) => Change(s => LiveSettings.WithUpdate(s, e.Value?.ToString()));

    private void OnScale(ChangeEventArgs e) => Change(s => LiveSettings.WithScaling(s, e.Value is true));

    private bool InterceptFrozen => LiveSettings.InterceptFrozen(_scenario);

    private void OnFreezeIntercept(ChangeEventArgs e) => Change(s => LiveSettings.WithFrozenIntercept(s, e.Value is true));

    private void OnStart(int index, ChangeEventArgs e) => WithNumber(e, $"start {ParameterName(index)}", value =>
        Change(s => LiveSettings.WithStart(s, StartValues, index, value)));

    private void OnPredictionX(ChangeEventArgs e) => WithNumber(e, "prediction x", value =>
    {
        _predictionX = value;
        if (_figures is not null)
        {
            _figures.PredictionX = value;
        }

        UpdateAddress();
    });

    /// <summary>The whole run as an animated SVG of one view (at most <see cref="RunAnimation.BrowserMaxFrames"/> frames), for the view's download menu.</summary>
    private string Animated(RunView view) =>
        _session is null ? "" : new RunAnimation(_session.Resolved, _session.Trajectory, [view], logScale: _lossScale == "log").AnimatedSvg(RunAnimation.BrowserMaxFrames);

    private void OnPinView(ChangeEventArgs e)
    {
        _pinView = e.Value is true;
        if (_figures is not null)
        {
            _figures.PinView = _pinView;
        }

        UpdateAddress();
    }

    private void OnView3d(ChangeEventArgs e)
    {
        _surface3d = e.Value is true;
        UpdateAddress();
    }

    private void OnLossScale(ChangeEventArgs e)
    {
        _lossScale = e.Value?.ToString() is "linear" or "log" ? (string)e.Value : "auto";
        UpdateAddress();
    }

    private void OnContourClick(MouseEventArgs e)
    {
        if (_figures?.ContourPointAt(e.OffsetX, e.OffsetY, _session?.Cursor ?? 0) is { } point)
        {
            Change(s => LiveSettings.WithStartAt(s, point.X, point.Y));
        }
    }

    private void ApplyAdvice()
    {
        var advice = _session?.Diagnosis.Diagnosis;
        if (advice is null)
        {
            return;
        }

        Change(s => LiveSettings.WithAdvice(s, advice));
    }

    private void OnSpeed(ChangeEventArgs e) => SetSpeed(int.Parse(e.Value?.ToString() ?? "30", CultureInfo.InvariantCulture));

    /// <summary>The next speed up or down the menu (+ and − on the keyboard); "to the end" is not reached by keys.</summary>
    private void ChangeSpeed(int direction) => SetSpeed(LiveSettings.NextSpeed(_speed, direction));

    private void SetSpeed(int speed)
    {
        _speed = speed;
        if (speed == 0)
        {
            if (Playing)
            {
                StopPlayback();
                _ = Play();
            }

            return;
        }

        _clock?.ChangeSpeed(speed);
    }

    private bool Playing => _clock?.IsPlaying == true;

    private async Task TogglePlay()
    {
        if (Playing)
        {
            StopPlayback();
            UpdateAddress(); // paused: the address shows this step
            return;
        }

        await Play();
    }

    private Task Play()
    {
        if (_session is null)
        {
            return Task.CompletedTask;
        }

        if (_session.AtEnd)
        {
            _session.Reset();
        }

        if (_speed == 0)
        {
            _session.ToEnd();
            UpdateAddress();
            return Task.CompletedTask;
        }

        _phaseAnimation?.Cancel();
        _clock ??= NewClock();
        _clock.Play(_speed, steps =>
        {
            _phase = 3;
            var goesOn = _session.Advance(steps) && !_session.AtEnd;
            StateHasChanged();
            return goesOn;
        });
        return Task.CompletedTask;
    }

    private PlaybackClock NewClock()
    {
        var clock = new PlaybackClock(AnimationFrames.Dispatch(JS, InvokeAsync), Time);
        clock.Ended += (_, _) =>
        {
            UpdateAddress(); // the run ended: the address shows its last step
            StateHasChanged();
        };
        return clock;
    }

    private void StopPlayback()
    {
        _clock?.Pause();
        _phaseAnimation?.Cancel();
    }

    private void StepForward()
    {
        StopPlayback();
        if (_session is null || !_session.Advance())
        {
            return;
        }

        UpdateAddress();
        LightPhases();
    }

    /// <summary>
    /// Lights the phases of the update just made, one after another on the page's clock (with reduced motion: only the
    /// update, at once). The event that made the step does not wait for them; a new step, a step back or playing ends them.
    /// </summary>
    private void LightPhases()
    {
        var phases = LiveSettings.StepPhases(_reducedMotion);
        _phase = phases[0];
        if (phases.Count > 1)
        {
            var animation = _phaseAnimation = new CancellationTokenSource();
            _ = AnimatePhases(phases, animation.Token);
        }
    }

    private async Task AnimatePhases(IReadOnlyList<int> phases, CancellationToken token)
    {
        try
        {
            foreach (var phase in phases.Skip(1))
            {
                await Task.Delay(LiveSettings.PhaseDuration, Time, token);
                await InvokeAsync(() =>
                {
                    if (!token.IsCancellationRequested)
                    {
                        _phase = phase;
                        StateHasChanged();
                    }
                });
            }
        }
        catch (OperationCanceledException)
        {
            // A new step, a step back, a reset or playing took over the loop's lights.
        }
    }

    private void StepBack()
    {
        StopPlayback();
        _session?.StepBack();
        _phase = -1;
        UpdateAddress();
    }

    private void Reset()
    {
        StopPlayback();
        _session?.Reset();
        _phase = -1;
        UpdateAddress();
    }

    private async Task OnUpload(InputFileChangeEventArgs e)
    {
        _uploadError = null;
        var file = e.File;
        if (file.Size > MaxUploadBytes)
        {
            _uploadError = $"{file.Name} is {file.Size:N0} bytes; the limit is {MaxUploadBytes:N0} (1 MiB). Nothing was changed.";
            return;
        }

        try
        {
            await using var stream = file.OpenReadStream(MaxUploadBytes);
            using var reader = new StreamReader(stream);
            var table = CsvTable.Parse(await reader.ReadToEndAsync(), file.Name, new CsvLimits(MaxCharacters: MaxUploadBytes, MaxRows: MaxUploadRows));
            var (numeric, columnsError) = LiveSettings.UploadColumns(table, file.Name);
            if (columnsError is not null)
            {
                _uploadError = columnsError;
                return;
            }

            _uploaded = table;
            _uploadName = file.Name;
            _uploadColumns = numeric;
            _uploadX = numeric[0];
            _uploadY = numeric[^1];
            if (_missingFile is { } missing)
            {
                // The link named this file: the columns whose checksum matches open the linked run.
                if (LiveLinks.MatchUpload(table, missing.Sha) is { } csv)
                {
                    _datasetKey = "upload";
                    Open(missing.Query, csv);
                }
                else
                {
                    _uploadError = $"{file.Name} is not the file this link uses ({missing.Name}): no two of its columns have the checksum {missing.Sha}. Upload {missing.Name}, or pick Use to run this file instead.";
                }
            }
        }
        catch (ScenarioException error)
        {
            _uploadError = error.Message + " Nothing was changed.";
        }
        catch (IOException error)
        {
            _uploadError = $"{file.Name} could not be read: {error.Message}";
        }
    }

    private void UseUpload()
    {
        if (_uploaded is null || _uploadX is null || _uploadY is null)
        {
            return;
        }

        try
        {
            var next = LiveSettings.WithUpload(_scenario, _uploaded, _uploadName ?? "upload.csv", _uploadX, _uploadY);
            _predictionX = double.NaN;
            Change(_ => next);
            _datasetKey = "upload";
        }
        catch (ScenarioException error)
        {
            _uploadError = error.Message;
        }
    }

    /// <summary>Hands a file to the browser (app.js: a blob and an a[download]); nothing leaves the machine.</summary>
    private async Task Download(DownloadFile file)
    {
        try
        {
            _downloadFailed = !await JS.InvokeAsync<bool>("gradientLab.download", file.Name, file.Text, file.Type);
        }
        catch (JSException)
        {
            _downloadFailed = true;
        }
    }

    private void WithNumber(ChangeEventArgs e, string what, Action<double> use)
    {
        if (!LiveSettings.TryNumber(e.Value?.ToString(), what, out var value, out var error))
        {
            _error = error;
            return;
        }

        use(value);
    }

    private string ParameterName(int index) => _session?.ParameterNames.ElementAtOrDefault(index) ?? (index == 0 ? "w" : "b");

    private static string OptimizerLabel(string kind) => OptimizerCatalogue.DisplayName(kind);

    private static string Number(double value) => LiveSettings.Number(value);

    private static string Invariant(double value) => LiveSettings.Invariant(value);
}
