using System.Collections.Concurrent;
using FunnelSim.Compilation;
using FunnelSim.Json;

namespace FunnelSim.Cluster;

/// <summary>Compiled models of the scenarios a worker has seen, so the shards of one run compile it once.</summary>
internal sealed class ModelCache
{
    private const int Capacity = 16;
    private readonly ConcurrentDictionary<string, Lazy<CompiledModel>> _models = new(StringComparer.Ordinal);

    public CompiledModel Get(string scenarioJson)
    {
        if (_models.Count >= Capacity) _models.Clear();
        return _models.GetOrAdd(scenarioJson, json => new Lazy<CompiledModel>(() => Compile(json))).Value;
    }

    private static CompiledModel Compile(string json)
    {
        var loaded = ScenarioReader.Read(json);
        if (!loaded.IsValid || loaded.Scenario is null)
            throw new ArgumentException("the scenario sent to the worker is invalid: " + string.Join("; ", loaded.Diagnostics));
        return ModelCompiler.Compile(loaded.Scenario);
    }
}
