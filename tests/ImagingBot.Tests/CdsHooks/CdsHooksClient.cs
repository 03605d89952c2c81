using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using ImagingBot.CdsHooks;

namespace ImagingBot.Tests.CdsHooks;

/// <summary>Calls the app's CDS Hooks endpoints over HTTP as an EHR does, and reads the answer.</summary>
public static class CdsHooksClient
{
    public const string OrderSelectPath = "/cds-services/imagingbot-low-back-pain-order-select";
    public const string OrderSignPath = "/cds-services/imagingbot-low-back-pain-order-sign";

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, string body, string? token = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonObject> AnswerAsync(this HttpClient client, JsonObject request, string path = OrderSelectPath, string? token = null)
    {
        using var response = await client.PostAsync(path, request.ToJsonString(), token);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>The uuid of the one card the answer to <paramref name="request"/> holds.</summary>
    public static async Task<string> CardIdAsync(this HttpClient client, JsonObject request, string path = OrderSelectPath) =>
        (string)Assert.Single((await client.AnswerAsync(request, path)).Cards())!["uuid"]!;

    /// <summary>Feedback on the cards of <paramref name="path"/>, which must be taken (200).</summary>
    public static async System.Threading.Tasks.Task SendFeedbackAsync(this HttpClient client, JsonObject[] feedback, string path = OrderSelectPath, string? token = null)
    {
        using var response = await client.PostAsync(path + "/feedback", new JsonObject { ["feedback"] = new JsonArray([.. feedback]) }.ToJsonString(), token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static JsonArray Cards(this JsonObject response) => response["cards"]!.AsArray();

    public static JsonArray SystemActions(this JsonObject response) => response["systemActions"]?.AsArray() ?? [];

    /// <summary>A resource of the answer, read back with the Firely SDK.</summary>
    public static ServiceRequest ServiceRequest(JsonNode resource) =>
        JsonSerializer.Deserialize<ServiceRequest>(resource.ToJsonString(), CdsHooksJson.Options)!;

    public static string? ConsultId(ServiceRequest order) =>
        (order.GetExtension("http://fhir.org/argonaut/Extension/pama-rating-consult-id")?.Value as FhirUri)?.Value;

    public static string? PamaRating(ServiceRequest order) =>
        (order.GetExtension("http://fhir.org/argonaut/Extension/pama-rating")?.Value as CodeableConcept)?.Coding
            .FirstOrDefault(c => c.System == "http://fhir.org/argonaut/CodeSystem/pama-rating")?.Code;
}
