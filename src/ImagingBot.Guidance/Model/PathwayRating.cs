namespace ImagingBot.Guidance;

/// <summary>A procedure's rating on one pathway and, in a few words, how it compares with the study of choice.</summary>
public sealed record PathwayRating(RatedProcedure Rated, string Comparison);
