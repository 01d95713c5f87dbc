package io.millwright.deploy.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates for the broker's TLS listener, made on first start in one directory and reused afterwards: a
 * throw-away CA, the broker's certificate (for {@code 127.0.0.1} and {@code localhost}) and a client certificate
 * for mutual TLS per client, all PKCS12 with one password. Asked for a client it has no certificate for, it makes all
 * of them again (the CA key is not kept), so every client reads the new trust store at its next start.
 *
 * <ul>
 * <li>{@code truststore.p12}: the CA (clients trust the broker with it; the broker trusts clients with it)</li>
 * <li>{@code broker.p12}: the broker's key and certificate chain</li>
 * <li>{@code client-<name>.p12}: a client's key and certificate chain (subject {@code CN=<name>})</li>
 * <li>{@code ca.pem}: the CA certificate, for tools such as kcat</li>
 * </ul>
 *
 * For the local run and tests only: the CA key is not kept, so nothing else can ever be signed with it.
 */
final class TlsMaterial {

    static final String TRUSTSTORE = "truststore.p12";
    static final String BROKER_KEYSTORE = "broker.p12";
    static final String CA_PEM = "ca.pem";

    private static final Duration VALIDITY = Duration.ofDays(730);
    private static final String SIGNATURE = "SHA256withECDSA";

    private final Path dir;
    private final char[] password;

    TlsMaterial(Path dir, String password) {
        this.dir = dir;
        this.password = password.toCharArray();
    }

    Path truststore() {
        return dir.resolve(TRUSTSTORE);
    }

    Path brokerKeystore() {
        return dir.resolve(BROKER_KEYSTORE);
    }

    Path clientKeystore(String clientName) {
        return dir.resolve(clientKeystoreName(clientName));
    }

    static String clientKeystoreName(String clientName) {
        if (!clientName.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("Not a client name for a certificate file: " + clientName);
        }
        return "client-" + clientName + ".p12";
    }

    /** Makes the material unless it is already there; the files appear together (written aside, then moved). */
    TlsMaterial ensure(List<String> clientNames) {
        if (Files.isRegularFile(truststore()) && Files.isRegularFile(brokerKeystore())
                && clientNames.stream().allMatch(name -> Files.isRegularFile(clientKeystore(name)))) {
            return this;
        }
        try {
            Files.createDirectories(dir);
            Path staging = Files.createTempDirectory(dir, ".new-");
            KeyPair caKeys = keyPair();
            X509Certificate ca = caCertificate(caKeys);
            KeyPair brokerKeys = keyPair();
            X509Certificate broker = leafCertificate("CN=millwright-local-kafka", brokerKeys, ca, caKeys.getPrivate(), true);

            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("millwright-local-ca", ca);
            store(trust, staging.resolve(TRUSTSTORE));
            store(keyStore("broker", brokerKeys.getPrivate(), broker, ca), staging.resolve(BROKER_KEYSTORE));
            List<String> files = new ArrayList<>(List.of(CA_PEM, BROKER_KEYSTORE, TRUSTSTORE));
            for (String clientName : clientNames) {
                KeyPair clientKeys = keyPair();
                X509Certificate client = leafCertificate("CN=" + clientName, clientKeys, ca, caKeys.getPrivate(), false);
                store(keyStore(clientName, clientKeys.getPrivate(), client, ca), staging.resolve(clientKeystoreName(clientName)));
                files.add(files.size() - 2, clientKeystoreName(clientName));
            }
            Files.writeString(staging.resolve(CA_PEM), "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(ca.getEncoded()) + "\n-----END CERTIFICATE-----\n");
            // the trust store last: its presence says the rest is there
            for (String name : files) {
                Files.move(staging.resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.delete(staging);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write TLS material to " + dir, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot make TLS material for the local broker", e);
        }
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return generator.generateKeyPair();
    }

    private static X509Certificate caCertificate(KeyPair keys) throws GeneralSecurityException, OperatorCreationException, IOException {
        X500Name name = new X500Name("CN=Millwright local CA");
        X509v3CertificateBuilder builder = builder(name, name, keys);
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
        return sign(builder, keys.getPrivate());
    }

    private static X509Certificate leafCertificate(String subject, KeyPair keys, X509Certificate ca, PrivateKey caKey, boolean server)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X509v3CertificateBuilder builder = builder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                new X500Name(subject), keys);
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
        builder.addExtension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(server ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
        builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(ca));
        if (server) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
        }
        return sign(builder, caKey);
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(key)));
    }

    private KeyStore keyStore(String alias, PrivateKey key, X509Certificate certificate, X509Certificate ca)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, key, password, new Certificate[] {certificate, ca});
        return store;
    }

    private void store(KeyStore store, Path file) throws GeneralSecurityException, IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
    }
}
