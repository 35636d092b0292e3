using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace MusicClustering.Silo.Security;

/// <summary>
/// The "Cluster:Tls" section: mutual TLS on the silo-to-silo and gateway connections. Silos and the console (in
/// gateway mode) read the same keys, each pointing at its own certificate. The certificate comes from files
/// (<see cref="CertificatePath"/>, optionally <see cref="KeyPath"/> and <see cref="Password"/>) or from a certificate
/// store (<see cref="StoreName"/> with <see cref="Subject"/> or <see cref="Thumbprint"/>); peers must chain to the CA in
/// <see cref="CaPath"/>.
/// </summary>
public sealed record TlsSettings
{
    public const string SectionName = "Cluster:Tls";

    public bool Enabled { get; init; }

    /// <summary>A PKCS#12 file (<c>.pfx</c>/<c>.p12</c>) or a PEM certificate (with its key, or the key in <see cref="KeyPath"/>).</summary>
    public string? CertificatePath { get; init; }

    /// <summary>The PEM private key of a PEM <see cref="CertificatePath"/>, when it is not in the same file.</summary>
    public string? KeyPath { get; init; }

    /// <summary>The PKCS#12 password, or the password of an encrypted PEM key. Secret: never logged.</summary>
    public string? Password { get; init; }

    /// <summary>A certificate store name (<c>My</c>, <c>Root</c>, …), instead of files.</summary>
    public string? StoreName { get; init; }

    /// <summary><c>CurrentUser</c> or <c>LocalMachine</c>.</summary>
    public string StoreLocation { get; init; } = nameof(System.Security.Cryptography.X509Certificates.StoreLocation.CurrentUser);

    /// <summary>The store certificate's subject name (as in <c>CN=silo</c> or <c>silo</c>).</summary>
    public string? Subject { get; init; }

    /// <summary>The store certificate's SHA-1 thumbprint (hex), instead of <see cref="Subject"/>.</summary>
    public string? Thumbprint { get; init; }

    /// <summary>PEM file of the CA every peer's certificate must chain to (the operating system's store is not used).</summary>
    public string? CaPath { get; init; }

    public bool UsesStore => !string.IsNullOrWhiteSpace(StoreName);

    public void Validate()
    {
        if (!Enabled)
        {
            return;
        }

        var files = !string.IsNullOrWhiteSpace(CertificatePath);
        if (files == UsesStore)
        {
            throw new InvalidOperationException(
                $"{SectionName} is enabled: set either {SectionName}:CertificatePath (a file) or {SectionName}:StoreName (a certificate store), not {(files ? "both" : "neither")}.");
        }

        if (UsesStore)
        {
            if (!Enum.TryParse<StoreName>(StoreName, ignoreCase: true, out _))
            {
                throw new InvalidOperationException(
                    $"{SectionName}:StoreName '{StoreName}' is not a store name ({string.Join(", ", Enum.GetNames<StoreName>())}).");
            }

            if (!Enum.TryParse<StoreLocation>(StoreLocation, ignoreCase: true, out _))
            {
                throw new InvalidOperationException($"{SectionName}:StoreLocation '{StoreLocation}' must be CurrentUser or LocalMachine.");
            }

            if (string.IsNullOrWhiteSpace(Subject) == string.IsNullOrWhiteSpace(Thumbprint))
            {
                throw new InvalidOperationException($"{SectionName}:StoreName needs exactly one of {SectionName}:Subject and {SectionName}:Thumbprint.");
            }
        }
        else if (!string.IsNullOrWhiteSpace(Subject) || !string.IsNullOrWhiteSpace(Thumbprint))
        {
            throw new InvalidOperationException($"{SectionName}:Subject and {SectionName}:Thumbprint select a store certificate; set {SectionName}:StoreName too, or drop them.");
        }

        if (string.IsNullOrWhiteSpace(CaPath))
        {
            throw new InvalidOperationException($"{SectionName} is enabled but {SectionName}:CaPath (the PEM file of the CA the cluster trusts) is empty.");
        }
    }

    private bool PrintMembers(StringBuilder builder) => RedactedSettings.Print(this, builder);
}
