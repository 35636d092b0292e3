namespace MusicClustering.Client.Errors;

/// <summary>
/// A mistake the user can fix (a missing file, a bad name, an unreachable gateway). The console prints its message as
/// one line, without a trace unless <c>--verbose</c>, and exits with <see cref="ExitCodes.UserError"/>.
/// The message says what is wrong and what to do.
/// </summary>
public sealed class UserErrorException(string message, Exception? inner = null) : Exception(message, inner);
