namespace Pricer.Testing.Llm;

/// <summary>A request the loopback chat server received, and what it did with it.</summary>
public sealed record SeenChatRequest(DateTime ReceivedAtUtc, string Model, string Prompt, string? Authorization, string Body, ChatFault? Fault);
