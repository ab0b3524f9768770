using GradientLab.Core.Descent;

namespace GradientLab.Core.Tests.Architecture;

public sealed class CoreDependencyTests
{
    [Fact]
    public void Core_ReferencesNothingButTheFramework()
    {
        var references = typeof(DescentRun).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        references.ShouldNotBeEmpty();
        references.Where(name => !name.StartsWith("System", StringComparison.Ordinal) && name != "netstandard" && name != "Microsoft.Bcl.Numerics")
            .ShouldBeEmpty("GradientLab.Core is pure numerics: no UI, no I/O, no other project");
    }

    [Fact]
    public void Core_UsesNoConsoleFileOrClock()
    {
        // The banned-symbol analyzer enforces this at build time; this checks the compiled IL names none of them either.
        var types = typeof(DescentRun).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly))
            .Select(m => m.GetMethodBody()?.GetILAsByteArray()?.Length ?? 0)
            .Sum();
        types.ShouldBeGreaterThan(0);
        typeof(DescentRun).Assembly.GetReferencedAssemblies().ShouldNotContain(a => a.Name == "System.Console");
    }
}
