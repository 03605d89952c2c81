using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace ImagingBot.CdsHooks.Security;

/// <summary>Reads an issuer's JSON Web Key Set for <see cref="ConfigurationManager{T}"/>, which caches and refreshes it.</summary>
internal sealed class JwksRetriever : IConfigurationRetriever<JsonWebKeySet>
{
    public async Task<JsonWebKeySet> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(retriever);
        return new JsonWebKeySet(await retriever.GetDocumentAsync(address, cancel).ConfigureAwait(false));
    }
}
