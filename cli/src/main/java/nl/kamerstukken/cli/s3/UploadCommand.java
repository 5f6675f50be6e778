package nl.kamerstukken.cli.s3;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Puts files into the inbox bucket: the one {@code up --s3} started (found in the data dir), or one
 * named by options (credentials then from the AWS default chain, e.g. {@code AWS_ACCESS_KEY_ID}).
 * For users without the aws CLI.
 */
@Command(
    name = "upload",
    mixinStandardHelpOptions = true,
    description = "Put files into the watched S3 bucket (of `up --s3`, or --endpoint/--bucket).")
public final class UploadCommand implements Callable<Integer> {

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Files to upload (key = prefix + file name).")
  List<Path> files;

  @Option(
      names = "--data-dir",
      defaultValue = ".kamerstukken",
      description = "Where `up --s3` recorded its S3 server (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--endpoint",
      description = "S3 endpoint, e.g. http://127.0.0.1:9000 (instead of the recorded one).")
  URI endpoint;

  @Option(
      names = "--bucket",
      description = "Bucket to put the files in (default: the recorded inbox bucket).")
  String bucket;

  @Option(
      names = "--prefix",
      defaultValue = "",
      description = "Key prefix, e.g. inbox/ (default: none).")
  String prefix;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    S3Target target =
        endpoint == null && bucket == null
            ? S3TargetFile.read(dataDir)
            : new S3Target(
                endpoint,
                null,
                null,
                System.getenv().getOrDefault("AWS_REGION", "us-east-1"),
                bucket == null ? S3Target.INBOX_BUCKET : bucket,
                S3Target.BLOB_BUCKET);
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        spec.commandLine().getErr().println("not a file: " + file);
        return 2;
      }
    }
    try (S3Client s3 = target.client()) {
      for (Path file : files) {
        String key = prefix + file.getFileName();
        s3.putObject(b -> b.bucket(target.inboxBucket()).key(key), RequestBody.fromFile(file));
        out.println("uploaded " + file + " to s3://" + target.inboxBucket() + "/" + key);
      }
    }
    out.flush();
    return 0;
  }
}
