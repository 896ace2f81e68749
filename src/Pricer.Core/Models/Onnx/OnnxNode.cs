namespace Pricer.Core.Models.Onnx;

/// <summary>One operator of an ONNX graph: what it computes and which named values it reads and writes.</summary>
public sealed record OnnxNode(string Name, string OpType, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs);
