namespace ImagingBot.Templating.Expressions;

/// <summary>
/// One expansion. In strict mode (used to validate sample data when templates load) every field missing from
/// the data and every failed expression is recorded instead of being left silently as <c>${...}</c> text.
/// </summary>
internal sealed class ExpansionRun(bool strict)
{
    private List<string>? _problems;

    public bool Strict { get; } = strict;

    public string Location { get; set; } = string.Empty;

    /// <summary>Reused for every interpolated string of this expansion.</summary>
    public System.Text.StringBuilder Text { get; } = new(256);

    public IReadOnlyList<string> Problems => _problems ?? (IReadOnlyList<string>)[];

    public void Report(string message)
    {
        if (Strict)
        {
            (_problems ??= []).Add($"{(Location.Length == 0 ? "/" : Location)}: {message}");
        }
    }
}
