namespace Cmdb.Discovery.Contract;

/// <summary>
/// Raw input a transform cannot trust: malformed syntax, an unsupported version, or a record without its natural key.
/// The message names the input (file) and the record so a person can find and fix it.
/// </summary>
public sealed class DiscoveryFormatException : Exception
{
    public DiscoveryFormatException(string input, string message, Exception? innerException = null)
        : base($"{input}: {message}", innerException)
    {
        Input = input;
    }

    /// <summary>The file or input the problem is in.</summary>
    public string Input { get; }
}
