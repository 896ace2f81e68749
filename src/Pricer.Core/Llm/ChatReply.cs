namespace Pricer.Core.Llm;

/// <summary>What a chat endpoint answered, with the tokens it billed.</summary>
public sealed record ChatReply(string Text, int InputTokens, int OutputTokens);
