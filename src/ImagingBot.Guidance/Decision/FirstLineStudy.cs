namespace ImagingBot.Guidance;

/// <summary>A first-line (Usually Appropriate) study of the variant, with the clinical question it answers.</summary>
public sealed record FirstLineStudy(RatedProcedure Procedure, string Answers);
