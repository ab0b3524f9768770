using GradientLab.Lessons.Activities;
using GradientLab.Web.Components;
using GradientLab.Web.State;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

// The whole lab runs in the learner's browser: the engine, the scenarios, the figures and the playback.
var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<Routes>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");
builder.Services.AddSingleton<IProgressStore, BrowserProgressStore>();
builder.Services.AddSingleton<LearnerProgress>();
builder.Services.AddSingleton(TimeProvider.System);
await builder.Build().RunAsync();
