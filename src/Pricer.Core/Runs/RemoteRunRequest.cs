using Pricer.Core.Pricers;

namespace Pricer.Core.Runs;

/// <summary>A run that a process outside the app (e.g. `pricer train --server URL`) trains and publishes.</summary>
public sealed record RemoteRunRequest(string Dataset, string Name, RunKind Kind, string Configuration, string StartedBy, string CodeVersion);
