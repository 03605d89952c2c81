namespace ImagingBot.CdsHooks.Security;

/// <summary>Why a CDS Hooks call was refused: logged by name, with nothing of the token or the request.</summary>
public enum TokenRefusal
{
    None,
    NoBearerToken,
    NotAJwt,
    AlgorithmNotAllowed,
    UntrustedIssuer,
    KeysUnavailable,
    InvalidToken,
    NoTokenId,
    LifetimeTooLong,
    Replayed,
}
