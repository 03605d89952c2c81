using Microsoft.Extensions.Options;

namespace ImagingBot.CdsHooks;

/// <summary>
/// Start-up checks of the <c>CdsHooks</c> settings, each failure naming its setting: anonymous calls only in
/// Development, every trusted issuer with a key set over https (or on this machine), a service URL for the tokens'
/// audience. An issuer entry with neither value set (an empty deployment parameter) is ignored.
/// </summary>
public sealed class CdsHooksOptionsValidation(IHostEnvironment environment) : IValidateOptions<CdsHooksOptions>
{
    public ValidateOptionsResult Validate(string? name, CdsHooksOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.AllowAnonymous && !environment.IsDevelopment())
        {
            failures.Add($"Setting '{CdsHooksOptions.SectionName}:AllowAnonymous' is true, but anonymous CDS Hooks calls are allowed only in the Development environment (this is '{environment.EnvironmentName}').");
        }

        var issuers = Configured(options).ToList();
        for (var i = 0; i < options.TrustedIssuers.Count; i++)
        {
            var issuer = options.TrustedIssuers[i];
            if (!issuers.Contains(issuer))
            {
                continue;
            }

            var at = $"{CdsHooksOptions.SectionName}:TrustedIssuers:{i}";
            if (string.IsNullOrWhiteSpace(issuer.Issuer))
            {
                failures.Add($"Setting '{at}:Issuer' is empty: name the 'iss' of the EHR's tokens.");
            }

            if (!Uri.TryCreate(issuer.JwksUrl, UriKind.Absolute, out var jwks) || !IsSafeKeySource(jwks))
            {
                failures.Add($"Setting '{at}:JwksUrl' must be the https URL of the issuer's JSON Web Key Set (http only on this machine).");
            }
        }

        if (issuers.Count > 0 && (!Uri.TryCreate(options.ServiceBaseUrl, UriKind.Absolute, out var service) || (service.Scheme != Uri.UriSchemeHttps && service.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"Setting '{CdsHooksOptions.SectionName}:ServiceBaseUrl' must be the absolute URL of /cds-services as the EHR calls it: tokens are checked against it.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(5))
        {
            failures.Add($"Setting '{CdsHooksOptions.SectionName}:ClockSkew' must be between 00:00:00 and 00:05:00.");
        }

        if (options.MaxRequestBodyBytes <= 0)
        {
            failures.Add($"Setting '{CdsHooksOptions.SectionName}:MaxRequestBodyBytes' must be a positive number of bytes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The issuer entries that are set (an entry with neither value is an unused deployment parameter).</summary>
    public static IEnumerable<CdsHooksIssuer> Configured(CdsHooksOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.TrustedIssuers.Where(i => !string.IsNullOrWhiteSpace(i.Issuer) || !string.IsNullOrWhiteSpace(i.JwksUrl));
    }

    /// <summary>https anywhere; plain http only to this machine (a local test issuer).</summary>
    public static bool IsSafeKeySource(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
    }
}
