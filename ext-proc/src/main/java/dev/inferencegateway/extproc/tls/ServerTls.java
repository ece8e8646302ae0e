package dev.inferencegateway.extproc.tls;

import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS identity of a gRPC server: a self-signed certificate generated at start, or
 * {@code tls.crt}/{@code tls.key} read from a directory and optionally reloaded when the files
 * change (as when Kubernetes rotates a mounted secret). ALPN negotiates {@code h2}.
 */
public final class ServerTls implements AutoCloseable {
  /** The certificate file name inside a certificate directory. */
  public static final String CERTIFICATE_FILE = "tls.crt";
  /** The private key file name inside a certificate directory. */
  public static final String KEY_FILE = "tls.key";

  private static final Logger LOG = LoggerFactory.getLogger(ServerTls.class);

  private final ReloadingKeyManager keyManager;
  private final Optional<Path> directory;
  private final AtomicLong reloads = new AtomicLong();
  private WatchService watcher;
  private Thread watchThread;

  private ServerTls(CertifiedKey key, Optional<Path> directory) {
    this.keyManager = new ReloadingKeyManager(key);
    this.directory = directory;
  }

  /** Returns a TLS identity with a freshly generated self-signed certificate for this host. */
  public static ServerTls selfSigned(Clock clock) {
    List<String> names = new ArrayList<>(List.of("localhost", "127.0.0.1", "::1"));
    try {
      String host = InetAddress.getLocalHost().getHostName();
      if (!names.contains(host) && host.matches("[A-Za-z0-9.-]+")) {
        names.add(host);
      }
    } catch (IOException e) {
      LOG.debug("local host name unavailable for the self-signed certificate", e);
    }
    return new ServerTls(SelfSignedCertificates.generate("inference-gateway", names,
        SelfSignedCertificates.DEFAULT_VALIDITY, clock, new SecureRandom()), Optional.empty());
  }

  /**
   * Returns a TLS identity read from {@code tls.crt} and {@code tls.key} in {@code directory}.
   *
   * @param reload whether to watch the directory and reload the files when they change
   * @throws IOException naming the file when a file is missing or invalid
   */
  public static ServerTls fromDirectory(Path directory, boolean reload) throws IOException {
    ServerTls tls;
    try {
      tls = new ServerTls(load(directory), Optional.of(directory));
    } catch (IllegalArgumentException e) {
      throw new IOException(directory + ": " + e.getMessage(), e);
    }
    if (reload) {
      tls.watch();
    }
    return tls;
  }

  /** Returns the gRPC server credentials backed by this identity. */
  public ServerCredentials credentials() {
    return TlsServerCredentials.newBuilder().keyManager(keyManager).build();
  }

  /** Returns the key and certificate chain new connections get. */
  public CertifiedKey current() {
    return keyManager.current();
  }

  /** Returns how many times the files were reloaded after a change. */
  public long reloadCount() {
    return reloads.get();
  }

  /** Reads the files again now; a failure keeps the previous identity and is reported. */
  public boolean reload() {
    if (directory.isEmpty()) {
      return false;
    }
    try {
      keyManager.update(load(directory.get()));
      reloads.incrementAndGet();
      LOG.info("Reloaded TLS certificate from {} (subject {}, expires {})", directory.get(),
          keyManager.current().leaf().getSubjectX500Principal(), keyManager.current().leaf().getNotAfter());
      return true;
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("Keeping the current TLS certificate: reloading {} failed: {}", directory.get(), e.getMessage());
      return false;
    }
  }

  @Override
  public synchronized void close() {
    if (watcher != null) {
      try {
        watcher.close();
      } catch (IOException e) {
        LOG.debug("closing the certificate watcher failed", e);
      }
      watchThread.interrupt();
      watcher = null;
    }
  }

  private synchronized void watch() throws IOException {
    Path dir = directory.orElseThrow();
    watcher = dir.getFileSystem().newWatchService();
    dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
        StandardWatchEventKinds.ENTRY_DELETE);
    WatchService service = watcher;
    watchThread = Thread.ofPlatform().daemon().name("tls-cert-watcher").start(() -> watchLoop(service));
  }

  private void watchLoop(WatchService service) {
    try {
      while (true) {
        WatchKey key = service.take();
        key.pollEvents();
        reload();
        if (!key.reset()) {
          LOG.warn("Certificate directory {} is no longer watchable; reloading stops", directory.orElseThrow());
          return;
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static CertifiedKey load(Path directory) throws IOException {
    Path certificate = directory.resolve(CERTIFICATE_FILE);
    Path key = directory.resolve(KEY_FILE);
    for (Path file : List.of(certificate, key)) {
      if (!Files.isReadable(file)) {
        throw new IOException("cannot read " + file + " (expected " + CERTIFICATE_FILE + " and " + KEY_FILE
            + " in the certificate directory)");
      }
    }
    try {
      return new CertifiedKey(PemFiles.readPrivateKey(key), PemFiles.readCertificates(certificate));
    } catch (IllegalArgumentException e) {
      throw new IOException(directory + ": " + e.getMessage(), e);
    }
  }
}
