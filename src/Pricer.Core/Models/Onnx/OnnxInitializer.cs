namespace Pricer.Core.Models.Onnx;

/// <summary>A float32 weight stored in an ONNX graph.</summary>
public sealed record OnnxInitializer(string Name, long[] Shape, float[] Values);
