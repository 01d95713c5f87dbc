package io.millwright.edge.plc;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Period;

import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/**
 * OPC UA application certificates made at test time: RSA 2048, SHA256withRSA, self-signed, with the application
 * URI and 127.0.0.1 in the subject alternative names (Milo's generator on BouncyCastle). Nothing is checked in.
 */
public final class OpcUaTestPki {

    /** The alias the gateway's key store entry is written under (PLC4X takes the first entry of the store). */
    public static final String KEY_ALIAS = "opcua-client";

    private OpcUaTestPki() {
    }

    /** An application's key pair and certificate. */
    public record ApplicationIdentity(KeyPair keyPair, X509Certificate certificate) {

        /** Writes key and certificate into a new PKCS12 key store, as a plant would hand the gateway its identity. */
        public Path writeKeyStore(Path file, String password) {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry(KEY_ALIAS, keyPair.getPrivate(), password.toCharArray(), new Certificate[] {certificate});
                Files.createDirectories(file.toAbsolutePath().getParent());
                try (OutputStream out = Files.newOutputStream(file)) {
                    store.store(out, password.toCharArray());
                }
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Writes the certificate as DER, as exported from a server's PKI folder. */
        public Path writeCertificate(Path file) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                return Files.write(file, certificate.getEncoded());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static ApplicationIdentity application(String commonName, String applicationUri) {
        try {
            KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
            X509Certificate certificate = new SelfSignedCertificateBuilder(keyPair)
                    .setCommonName(commonName)
                    .setOrganization("Millwright tests")
                    .setApplicationUri(applicationUri)
                    .addIpAddress("127.0.0.1")
                    .addDnsName("localhost")
                    .setValidityPeriod(Period.ofDays(30))
                    .build();
            return new ApplicationIdentity(keyPair, certificate);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a test certificate for " + commonName, e);
        }
    }
}
