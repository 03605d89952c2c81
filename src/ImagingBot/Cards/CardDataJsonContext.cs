using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImagingBot.Cards;

/// <summary>
/// Compile-time JSON metadata for the card data records, so a card's data is turned into the template's
/// <c>$root</c> without reflection on every turn. Web defaults (camelCase) as the templates in cards/ expect.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CaseConfirmationCardData))]
[JsonSerializable(typeof(FaqAnswerCardData))]
[JsonSerializable(typeof(FaqListCardData))]
[JsonSerializable(typeof(NotUnderstoodCardData))]
[JsonSerializable(typeof(OutOfScopeCardData))]
[JsonSerializable(typeof(QuestionCardData))]
[JsonSerializable(typeof(QuickFormCardData))]
[JsonSerializable(typeof(RecommendationCardData))]
[JsonSerializable(typeof(RecordCardData))]
[JsonSerializable(typeof(WelcomeCardData))]
internal sealed partial class CardDataJsonContext : JsonSerializerContext;
