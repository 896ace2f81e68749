namespace Pricer.Core.Llm;

public enum LlmStopReason
{
    /// <summary>Every item was priced.</summary>
    Finished = 0,

    /// <summary>The next request could have taken the spend past the budget, so it was not sent.</summary>
    Budget = 1,
}
