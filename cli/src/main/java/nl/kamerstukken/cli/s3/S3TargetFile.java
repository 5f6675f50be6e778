package nl.kamerstukken.cli.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * Where {@code up} with S3 records the S3 server it started ({@code <data dir>/s3.properties},
 * readable by the owner only), so that {@code upload} finds it without options. The credentials in
 * it are the fixed ones of the local S3Proxy.
 */
public final class S3TargetFile {

  static final String FILE = "s3.properties";

  private S3TargetFile() {}

  public static void write(Path dataDir, S3Target target) throws IOException {
    Properties p = new Properties();
    p.setProperty("endpoint", target.endpoint() == null ? "" : target.endpoint().toString());
    p.setProperty("region", target.region());
    p.setProperty("inboxBucket", target.inboxBucket());
    p.setProperty("blobBucket", target.blobBucket());
    if (target.accessKey() != null) {
      p.setProperty("accessKey", target.accessKey());
      p.setProperty("secretKey", target.secretKey());
    }
    Path file = dataDir.resolve(FILE);
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (OutputStream out = Files.newOutputStream(file)) {
      p.store(out, "Written by ./kamerstukken up --s3: the S3 server it started");
    }
  }

  /**
   * The target recorded in {@code dataDir}; fails with what to do when {@code up --s3} did not run
   * there.
   */
  public static S3Target read(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IOException(
          "no S3 server recorded in "
              + file
              + ": start one with ./kamerstukken up --s3, or name "
              + "yours with --endpoint and --bucket");
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    }
    String endpoint = p.getProperty("endpoint", "");
    return new S3Target(
        endpoint.isEmpty() ? null : URI.create(endpoint),
        p.getProperty("accessKey"),
        p.getProperty("secretKey"),
        p.getProperty("region", "us-east-1"),
        p.getProperty("inboxBucket", S3Target.INBOX_BUCKET),
        p.getProperty("blobBucket", S3Target.BLOB_BUCKET));
  }
}
