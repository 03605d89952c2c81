using System.Text.Json;
using System.Text.Json.Serialization;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace ImagingBot.CdsHooks;

/// <summary>
/// How CDS Hooks bodies are read and written: the envelope in camelCase without nulls, the FHIR resources in it by the
/// Firely SDK's converters. Resources are read in its Recoverable mode, so a FHIR detail an EHR gets slightly wrong
/// (an empty array, a code of a newer release) does not cost the clinician the advice; the service then reads only
/// what it needs and ignores the rest.
/// </summary>
public static class CdsHooksJson
{
    public static JsonSerializerOptions Options { get; } = new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    }.ForFhir(ModelInfo.ModelInspector).UsingMode(DeserializationMode.Recoverable);
}
