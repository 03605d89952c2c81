namespace ImagingBot.CdsHooks;

/// <summary>
/// The CDS Hooks service: who may call it and where it is. Bound from the <c>CdsHooks</c> section and checked at
/// start-up (<see cref="CdsHooksOptionsValidation"/>).
/// </summary>
public sealed class CdsHooksOptions
{
    public const string SectionName = "CdsHooks";

    /// <summary>
    /// The public URL of <c>/cds-services</c> as the EHR calls it (behind any proxy): a token's <c>aud</c> must be
    /// this URL, or the URL of the service or endpoint called under it.
    /// </summary>
    public string? ServiceBaseUrl { get; set; }

    /// <summary>The EHRs allowed to call the service: each token's <c>iss</c> and where that issuer publishes its keys.</summary>
    public IList<CdsHooksIssuer> TrustedIssuers { get; } = [];

    /// <summary>Calls without a token, for the CDS Hooks sandbox and local tests; refused outside the Development environment.</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>How far a token's <c>exp</c> and <c>iat</c> may be off the service's clock.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Larger request bodies get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The CMS identifier of this qualified CDS mechanism (a G-code), sent as Argonaut's <c>pama-rating-qcdsm-consulted</c> when set.</summary>
    public string? PamaQcdsmId { get; set; }
}

/// <summary>An EHR the service trusts: the <c>iss</c> of its tokens and its JSON Web Key Set.</summary>
public sealed class CdsHooksIssuer
{
    public string? Issuer { get; set; }

    public string? JwksUrl { get; set; }
}
