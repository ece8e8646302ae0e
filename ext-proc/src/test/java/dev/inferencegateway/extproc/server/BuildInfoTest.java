package dev.inferencegateway.extproc.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The build identity Maven records in the jar. */
class BuildInfoTest {
  @Test
  void load_readsTheValuesMavenRecorded() {
    BuildInfo build = BuildInfo.load();

    assertThat(build.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(build.commit()).isNotBlank().doesNotContain("${");
    assertThat(build.buildRef()).isNotBlank().doesNotContain("${");
  }
}
