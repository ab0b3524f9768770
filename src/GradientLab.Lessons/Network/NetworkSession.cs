using System.Diagnostics;
using System.Globalization;
using GradientLab.Core.Data;
using GradientLab.Core.Descent;
using GradientLab.Core.Objectives;
using GradientLab.Lessons.Runs;
using GradientLab.Plotting;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Network;

/// <summary>
/// One run of the network lab and where the learner is in it. The run (an ordinary <see cref="DescentRun"/> of the
/// engine's <see cref="NeuralNetwork"/>; no hidden layer is logistic regression) is computed to its stop once, every step
/// recorded; stepping only moves <see cref="Cursor"/>. For any step it gives the parameters, the loss, the training
/// accuracy and the decision-boundary grid (P(class 1) over the data's padded extent), the last two computed on demand
/// and kept.
/// </summary>
public sealed class NetworkSession
{
    /// <summary>Cells per side of the decision-boundary grid.</summary>
    public const int GridSize = 60;

    /// <summary>Most boundary grids kept (a grid is 3,600 numbers).</summary>
    private const int GridCache = 64;

    private readonly DescentRun _run;
    private StepRecord[] _trajectory = [];
    private double[] _accuracy = [];
    private readonly Dictionary<int, SurfaceGrid> _grids = [];
    private readonly Queue<int> _gridOrder = new();

    /// <summary>Runs <paramref name="settings"/> to their stop in one go.</summary>
    /// <exception cref="ArgumentException">The settings cannot run (<see cref="NetworkSettings.Problem"/>).</exception>
    public NetworkSession(NetworkSettings settings)
        : this(settings, prepare: true)
    {
        var clock = Stopwatch.StartNew();
        _run.RunToEnd();
        Finish(clock.Elapsed);
    }

    private NetworkSession(NetworkSettings settings, bool prepare)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Debug.Assert(prepare, "The private constructor only prepares.");
        if (settings.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(settings));
        }

        Settings = settings;
        Data = settings.Data();
        Model = new NeuralNetwork(Data, settings.Shape);
        _run = new DescentRun(settings.Descent(Model, Model.Shape.Initialize(settings.InitSeed)));
        Extent = ExtentOf(Data);
    }

    /// <summary>
    /// Runs the settings to their stop in slices of at most <paramref name="slice"/> of computing, awaiting
    /// <paramref name="yieldToBrowser"/> between slices, so that a single-threaded page keeps drawing.
    /// </summary>
    /// <exception cref="ArgumentException">The settings cannot run.</exception>
    public static async Task<NetworkSession> ComputeAsync(
        NetworkSettings settings, TimeSpan slice, Func<Task> yieldToBrowser, Action<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(yieldToBrowser);
        var session = new NetworkSession(settings, prepare: true);
        var total = Stopwatch.StartNew();
        var clock = Stopwatch.StartNew();
        var computing = TimeSpan.Zero;
        while (session._run.Step())
        {
            if (clock.Elapsed >= slice)
            {
                computing += clock.Elapsed;
                progress?.Invoke(session._run.Current.Step);
                await yieldToBrowser().ConfigureAwait(true);
                cancellationToken.ThrowIfCancellationRequested();
                clock.Restart();
            }
        }

        session.Finish(computing + clock.Elapsed);
        return session;
    }

    /// <summary>The settings run.</summary>
    public NetworkSettings Settings { get; }

    /// <summary>The points.</summary>
    public Dataset Data { get; }

    /// <summary>The model (a network of no hidden layer is logistic regression).</summary>
    public NeuralNetwork Model { get; }

    /// <summary>The region the boundary is drawn over: the data's extent padded by 15 % on each side.</summary>
    public DataRect Extent { get; }

    /// <summary>Every point of the run, θ₀ first.</summary>
    public IReadOnlyList<StepRecord> Trajectory => _trajectory;

    /// <summary>The step the run stopped at.</summary>
    public int LastStep => _trajectory.Length - 1;

    /// <summary>Why the run stopped.</summary>
    public StopReason StopReason => _run.StopReason!.Value;

    /// <summary>Time spent computing the run (not counting the pauses for the browser).</summary>
    public TimeSpan ComputeTime { get; private set; }

    /// <summary>Training steps computed per second.</summary>
    public double StepsPerSecond => LastStep / Math.Max(ComputeTime.TotalSeconds, 1e-9);

    /// <summary>How long training took, in words: "trained 300 steps in 42 ms (7,143 steps/s)", or "in under 1 ms".</summary>
    public string SpeedNote => ComputeTime.TotalMilliseconds < 1
        ? Say($"trained {LastStep:N0} steps in under 1 ms")
        : Say($"trained {LastStep:N0} steps in {ComputeTime.TotalMilliseconds:N0} ms ({StepsPerSecond:N0} steps/s)");

    /// <summary>The step shown.</summary>
    public int Cursor { get; private set; }

    /// <summary>The point shown.</summary>
    public StepRecord Current => _trajectory[Cursor];

    /// <summary>Whether the cursor is at the last step.</summary>
    public bool AtEnd => Cursor == LastStep;

    /// <summary>θ at step <paramref name="step"/>.</summary>
    public IReadOnlyList<double> Parameters(int step) => At(step).Parameters;

    /// <summary>The loss over all the data at step <paramref name="step"/>.</summary>
    public double Loss(int step) => At(step).Loss;

    /// <summary>The fraction of the points classified right at step <paramref name="step"/> (computed once per step).</summary>
    public double Accuracy(int step)
    {
        At(step);
        if (double.IsNaN(_accuracy[step]))
        {
            _accuracy[step] = Model.Accuracy([.. _trajectory[step].Parameters]);
        }

        return _accuracy[step];
    }

    /// <summary>
    /// P(class 1) on a <see cref="GridSize"/> × <see cref="GridSize"/> grid over <see cref="Extent"/> at step
    /// <paramref name="step"/> (the last <c>64</c> grids are kept).
    /// </summary>
    public SurfaceGrid Boundary(int step)
    {
        At(step);
        if (_grids.TryGetValue(step, out var cached))
        {
            return cached;
        }

        var parameters = _trajectory[step].Parameters.ToArray();
        var model = Model;
        var features = new double[2];
        var grid = SurfaceGrid.Sample(
            (x, y) =>
            {
                features[0] = x;
                features[1] = y;
                var p = model.Probability(parameters, features);
                return double.IsFinite(p) ? p : 0.5;
            },
            Extent,
            GridSize,
            GridSize);
        if (_gridOrder.Count >= GridCache)
        {
            _grids.Remove(_gridOrder.Dequeue());
        }

        _grids[step] = grid;
        _gridOrder.Enqueue(step);
        return grid;
    }

    /// <summary>Moves forward <paramref name="steps"/> steps, stopping at the end; returns whether it moved.</summary>
    public bool Advance(int steps = 1) => MoveTo(Cursor + Math.Max(0, steps));

    /// <summary>Moves back one step, stopping at step 0; returns whether it moved.</summary>
    public bool StepBack() => MoveTo(Cursor - 1);

    /// <summary>Moves to step <paramref name="step"/> (clamped to the run).</summary>
    public void Seek(int step) => MoveTo(step);

    /// <summary>Back to step 0.</summary>
    public void Reset() => Cursor = 0;

    /// <summary>To the last step.</summary>
    public void ToEnd() => Cursor = LastStep;

    /// <summary>The state in words: ready, training (loss and accuracy so far), or why the run stopped once the cursor gets there.</summary>
    public string Status
    {
        get
        {
            var current = Current;
            if (AtEnd && LastStep > 0)
            {
                return RunPresentation.StopSentence(StopReason, _trajectory[0], current, _run.Settings.Stop)
                    + Say($" Training accuracy: {Percent(Accuracy(Cursor))}.");
            }

            return Cursor == 0
                ? Say($"Ready at step 0: the loss is {Number(current.Loss)} and {Percent(Accuracy(0))} of the points are classified right. Press play or step.")
                : Say($"Training: step {Cursor} of {LastStep}, the loss fell from {Number(_trajectory[0].Loss)} to {Number(current.Loss)}; {Percent(Accuracy(Cursor))} classified right.");
        }
    }

    /// <summary>A fraction as a percentage with one decimal: 100 %, 52.5 %.</summary>
    public static string Percent(double fraction) => RunPresentation.Percent(fraction);

    /// <summary>A number as the page shows it: four significant digits.</summary>
    public static string Number(double value) => double.IsFinite(value) ? NiceNumbers.Significant(value) : LiveSession.F(value);

    /// <summary>The data's extent, padded by 15 % of its larger side on each side (a square-ish view of the plane).</summary>
    public static DataRect ExtentOf(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var x1 = data.Column(0);
        var x2 = data.Column(1);
        double xMin = System.Numerics.Tensors.TensorPrimitives.Min(x1), xMax = System.Numerics.Tensors.TensorPrimitives.Max(x1), yMin = System.Numerics.Tensors.TensorPrimitives.Min(x2), yMax = System.Numerics.Tensors.TensorPrimitives.Max(x2);
        var side = Math.Max(Math.Max(xMax - xMin, yMax - yMin), 1e-6);
        var pad = 0.15 * side;
        return new DataRect(xMin - pad, xMax + pad, yMin - pad, yMax + pad);
    }

    private StepRecord At(int step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(step, LastStep);
        return _trajectory[step];
    }

    private bool MoveTo(int step)
    {
        var target = Math.Clamp(step, 0, LastStep);
        var moved = target != Cursor;
        Cursor = target;
        return moved;
    }

    private void Finish(TimeSpan computing)
    {
        _trajectory = [.. _run.Trajectory];
        _accuracy = new double[_trajectory.Length];
        Array.Fill(_accuracy, double.NaN);
        ComputeTime = computing;
    }

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
