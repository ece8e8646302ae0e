package dev.inferencegateway.extproc.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.netty.shaded.io.netty.util.ResourceLeakDetector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs a server in a fresh JVM, where nothing touched Netty before, and reads its leak-detection level. */
class NettyLeakDetectionTest {
  @Test
  void aServerTurnsBufferLeakSamplingOff() throws Exception {
    assertThat(levelInFreshJvm(null)).isEqualTo("DISABLED");
  }

  @Test
  void aLevelGivenOnTheCommandLineIsKept() throws Exception {
    assertThat(levelInFreshJvm("paranoid")).isEqualTo("PARANOID");
  }

  private static String levelInFreshJvm(String property) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    if (property != null) {
      command.add("-D" + GrpcServer.LEAK_DETECTION_PROPERTY + "=" + property);
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), PrintLevel.class.getName()));
    Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(process.exitValue()).as(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .isZero();
    return out.substring(out.lastIndexOf('\n') + 1);
  }

  /** Starts and stops a server, then prints Netty's leak-detection level. */
  static final class PrintLevel {
    public static void main(String[] args) throws Exception {
      try (GrpcServer server = GrpcServer.builder("leak-level", 0).bindAddress("127.0.0.1").start()) {
        System.out.println(ResourceLeakDetector.getLevel());
      }
    }
  }
}
