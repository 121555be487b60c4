namespace Resolute.Domain.Common;

/// <summary>
/// A rule of the domain was broken. The message is Vietnamese because it is shown to the user as is;
/// <see cref="Code"/> is a stable English key for the API and for tests, and <see cref="Field"/> names the
/// input at fault (camelCase, as the API spells it) when there is one.
/// </summary>
public sealed class DomainException(string code, string message, string? field = null) : Exception(message)
{
    public string Code { get; } = code;
    public string? Field { get; } = field;
}
