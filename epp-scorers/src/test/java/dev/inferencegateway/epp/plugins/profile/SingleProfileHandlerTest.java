package dev.inferencegateway.epp.plugins.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inferencegateway.epp.core.metrics.MetricsRecorder;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.scheduling.ProfileRunResult;
import dev.inferencegateway.epp.core.scheduling.SchedulerProfile;
import dev.inferencegateway.epp.core.scheduling.SchedulingException;
import dev.inferencegateway.epp.core.scheduling.SchedulingResult;
import dev.inferencegateway.epp.core.testing.TestEndpoints;
import dev.inferencegateway.epp.plugins.Fixtures;
import dev.inferencegateway.epp.plugins.picker.PickerParameters;
import dev.inferencegateway.epp.plugins.picker.maxscore.MaxScorePicker;
import dev.inferencegateway.epp.plugins.profile.single.SingleProfileHandler;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The single-profile handler runs its profile once and makes it the primary. */
class SingleProfileHandlerTest {
  private final SingleProfileHandler handler = new SingleProfileHandler("handler");
  private final SchedulerProfile profile = new SchedulerProfile("default", List.of(), List.of(),
      new MaxScorePicker("picker", new PickerParameters(1), new Random(1)), MetricsRecorder.NOOP, () -> 0L);

  @Test
  void pick_returnsAllProfilesFirstThenNothing() {
    Map<String, SchedulerProfile> profiles = Map.of("default", profile);

    assertThat(handler.pick(new CycleState(), Fixtures.request("m"), profiles, Map.of())).isEqualTo(profiles);
    assertThat(handler.pick(new CycleState(), Fixtures.request("m"), profiles,
        Map.of("default", ProfileRunResult.failed("x")))).isEmpty();
  }

  @Test
  void processResults_makesTheOnlyProfilePrimary() throws SchedulingException {
    ProfileRunResult ok = ProfileRunResult.of(List.of(Fixtures.endpoint(0, TestEndpoints.metrics(0, 0))));

    SchedulingResult result = handler.processResults(new CycleState(), Fixtures.request("m"), Map.of("default", ok));

    assertThat(result.primaryProfileName()).isEqualTo("default");
    assertThat(result.primary()).isEqualTo(ok);
  }

  @Test
  void processResults_failedProfileNamesIt() {
    assertThatThrownBy(() -> handler.processResults(new CycleState(), Fixtures.request("m"),
        Map.of("default", ProfileRunResult.failed(SchedulerProfile.NO_ENDPOINTS))))
        .isInstanceOf(SchedulingException.class)
        .hasMessage("failed to run scheduler profile 'default'");
  }

  @Test
  void processResults_rejectsMoreThanOneResult() {
    ProfileRunResult ok = ProfileRunResult.of(List.of(Fixtures.endpoint(0, TestEndpoints.metrics(0, 0))));

    assertThatThrownBy(() -> handler.processResults(new CycleState(), Fixtures.request("m"),
        Map.of("a", ok, "b", ok))).isInstanceOf(SchedulingException.class).hasMessageContaining("single profile");
  }
}
