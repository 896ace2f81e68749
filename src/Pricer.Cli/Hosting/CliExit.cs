namespace Pricer.Cli.Hosting;

internal static class CliExit
{
    /// <summary>Prints a message for the user on stderr and returns the failure exit code.</summary>
    public static int Failure(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }
}
