namespace GradientLab.Web.State;

/// <summary>
/// How a 3-D view is turned: dragging with a button held (half a degree of azimuth and 0.3° of elevation per pixel,
/// so a phone's width is a full turn) or the arrow keys (10° round, 5° up or down). Elevation stays within 5–85°.
/// </summary>
public sealed class SurfaceTurn
{
    private (double X, double Y)? _drag;

    /// <summary>The turn about the vertical axis, in degrees, within [−180, 180).</summary>
    public double Azimuth { get; private set; } = -55;

    /// <summary>The view's height above the (x, y) plane, in degrees.</summary>
    public double Elevation { get; private set; } = 30;

    /// <summary>A pointer went down on the view.</summary>
    public void Press(double clientX, double clientY) => _drag = (clientX, clientY);

    /// <summary>The pointer moved; with a button held (<paramref name="buttons"/> not 0) after a press, the view turns.</summary>
    /// <returns>Whether the view turned.</returns>
    public bool Move(double clientX, double clientY, long buttons)
    {
        if (_drag is not { } from || buttons == 0)
        {
            _drag = null;
            return false;
        }

        Azimuth = Wrap(Azimuth + ((clientX - from.X) * 0.5));
        Elevation = Math.Clamp(Elevation + ((clientY - from.Y) * 0.3), 5, 85);
        _drag = (clientX, clientY);
        return true;
    }

    /// <summary>The pointer went up or left the view.</summary>
    public void Release() => _drag = null;

    /// <summary>A key pressed on the focused view (a <c>KeyboardEvent.key</c>).</summary>
    /// <returns>Whether the key turned the view.</returns>
    public bool Key(string key)
    {
        switch (key)
        {
            case "ArrowLeft": Azimuth = Wrap(Azimuth - 10); return true;
            case "ArrowRight": Azimuth = Wrap(Azimuth + 10); return true;
            case "ArrowUp": Elevation = Math.Min(85, Elevation + 5); return true;
            case "ArrowDown": Elevation = Math.Max(5, Elevation - 5); return true;
            default: return false;
        }
    }

    private static double Wrap(double degrees) => ((((degrees + 180) % 360) + 360) % 360) - 180;
}
