using System.Text.Json;
using System.Text.Json.Serialization;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace ImagingBot.CdsHooks;

/// <summary>
/// How CDS Hooks bodies are read and written: the envelope in camelCase without nulls, the FHIR resources in it by the
/// Firely SDK's converters. Resources are read in the SDK's most lenient mode (Ostrich: JSON syntax errors still fail,
/// FHIR rule breaks do not), so that a FHIR detail an EHR gets slightly wrong (an empty array, a code of a newer
/// release) does not cost the clinician the advice, and because the stricter modes' checks of every element cost
/// more than the rest of the call (docs/performance.md). The service reads only the elements it needs, each checked
/// where it is read (a birth date that is not a date gives no age); what it writes is valid R4 (the tests validate it).
/// </summary>
public static class CdsHooksJson
{
    public static JsonSerializerOptions Options { get; } = new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    }.ForFhir(ModelInfo.ModelInspector).UsingMode(DeserializationMode.Ostrich);
}
