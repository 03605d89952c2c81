namespace ImagingBot.Tests.Support;

/// <summary>
/// Test patients as the cards' buttons answer them: each question's key and the value its button sends. One place,
/// so a change to the guidance file's questions changes every test's patients together.
/// </summary>
public static class TestPatients
{
    /// <summary>An adult with acute low back pain and nothing else: every answer "no", "adult", "acute", MRI possible.</summary>
    public static IReadOnlyDictionary<string, string> Plain { get; } = new Dictionary<string, string>
    {
        ["caudaEquina"] = "no",
        ["sepsis"] = "no",
        ["age"] = "adult",
        ["majorTrauma"] = "no",
        ["cancer"] = "no",
        ["infection"] = "no",
        ["immunosuppression"] = "no",
        ["priorSurgery"] = "no",
        ["fractureRisk"] = "no",
        ["course"] = "acute",
        ["contraindication"] = "none",
        ["pregnancy"] = "no",
    };

    /// <summary>The plain patient with some answers changed.</summary>
    public static Dictionary<string, string> Patient(params (string Key, string Value)[] changes)
    {
        var patient = new Dictionary<string, string>(Plain);
        foreach (var (key, value) in changes)
        {
            patient[key] = value;
        }

        return patient;
    }

    /// <summary>The plain patient with the changes written "key=value key=value" (readable as a theory's case name).</summary>
    public static Dictionary<string, string> Patient(string changes) =>
        Patient([.. changes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(change => change.Split('=')).Select(pair => (pair[0], pair[1]))]);
}
