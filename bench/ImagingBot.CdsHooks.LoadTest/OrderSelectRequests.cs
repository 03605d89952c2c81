using System.Globalization;
using System.Text;

namespace ImagingBot.CdsHooks.LoadTest;

/// <summary>
/// The order-select requests of the run, shaped like the CDS Hooks sandbox's: a lumbar spine order with its reasons,
/// the Patient and the active Conditions prefetched. A mix of the cards the service gives: no imaging first, an
/// emergency, a red flag on the problem list, an order the topic does not cover.
/// </summary>
internal static class OrderSelectRequests
{
    public static readonly (string Name, string Cpt, string[] Reasons, int Age, string[] Conditions, int ExpectedCards)[] Patients =
    [
        ("acute low back pain, lumbar CT", "72133", ["http://snomed.info/sct|279039007"], 45, [], 1),
        ("cauda equina syndrome, MRI", "72158", ["http://hl7.org/fhir/sid/icd-10-cm|M54.50", "http://hl7.org/fhir/sid/icd-10-cm|G83.4"], 52, [], 1),
        ("breast cancer on the problem list, CT", "72131", ["http://hl7.org/fhir/sid/icd-10-cm|M54.50"], 61, ["http://hl7.org/fhir/sid/icd-10-cm|Z85.3"], 1),
        ("82 years old, MRI", "72148", ["http://hl7.org/fhir/sid/icd-10-cm|M54.59"], 82, [], 1),
        ("a head CT (no criteria apply)", "70450", ["http://hl7.org/fhir/sid/icd-10-cm|R51.9"], 40, [], 0),
    ];

    public static byte[] Body(int patient, int user)
    {
        var (_, cpt, reasons, age, conditions, _) = Patients[patient];
        var id = $"order-{user.ToString(CultureInfo.InvariantCulture)}";
        var birthDate = DateTime.UtcNow.AddYears(-age).AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var json = new StringBuilder(2048);
        json.Append("{\"hook\":\"order-select\",\"hookInstance\":\"").Append(Guid.NewGuid()).Append("\",\"fhirServer\":\"https://ehr.example.org/fhir\",")
            .Append("\"context\":{\"userId\":\"Practitioner/123\",\"patientId\":\"p-").Append(user).Append("\",\"selections\":[\"ServiceRequest/").Append(id).Append("\"],")
            .Append("\"draftOrders\":{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"ServiceRequest\",\"id\":\"").Append(id)
            .Append("\",\"status\":\"draft\",\"intent\":\"plan\",\"code\":{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"").Append(cpt).Append("\"}]},")
            .Append("\"subject\":{\"reference\":\"Patient/p-").Append(user).Append("\"},\"reasonCode\":[").AppendJoin(',', reasons.Select(Concept)).Append("]}}]}},")
            .Append("\"prefetch\":{\"patient\":{\"resourceType\":\"Patient\",\"id\":\"p-").Append(user).Append("\",\"birthDate\":\"").Append(birthDate).Append("\"},")
            .Append("\"conditions\":{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[")
            .AppendJoin(',', conditions.Select(c => $"{{\"resource\":{{\"resourceType\":\"Condition\",\"clinicalStatus\":{{\"coding\":[{{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"active\"}}]}},\"code\":{Concept(c)},\"subject\":{{\"reference\":\"Patient/p-{user}\"}}}}}}"))
            .Append("]}}}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    private static string Concept(string systemAndCode)
    {
        var split = systemAndCode.LastIndexOf('|');
        return $"{{\"coding\":[{{\"system\":\"{systemAndCode[..split]}\",\"code\":\"{systemAndCode[(split + 1)..]}\"}}]}}";
    }
}
