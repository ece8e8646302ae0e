package dev.inferencegateway.epp.plugins.producer.prefix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class LearningQueueTest {
  private final List<Runnable> scheduled = new ArrayList<>();
  private final List<Integer> applied = new ArrayList<>();

  @Test
  void updates_runInOrder_onOneScheduledDrain() {
    LearningQueue queue = new LearningQueue(scheduled::add);

    queue.submit(() -> applied.add(1));
    queue.submit(() -> applied.add(2));

    assertThat(applied).isEmpty();
    assertThat(queue.isEmpty()).isFalse();
    assertThat(scheduled).hasSize(1);
    scheduled.get(0).run();
    assertThat(applied).containsExactly(1, 2);
    assertThat(queue.isEmpty()).isTrue();
  }

  @Test
  void drainOnTheCallingThread_appliesWhatIsPending_andTheScheduledDrainFindsNothing() {
    LearningQueue queue = new LearningQueue(scheduled::add);
    queue.submit(() -> applied.add(1));

    queue.drain();
    scheduled.get(0).run();

    assertThat(applied).containsExactly(1);
  }

  @Test
  void aFullQueue_isAppliedBySubmitter_andNothingIsDropped() {
    LearningQueue queue = new LearningQueue(scheduled::add);
    for (int i = 0; i <= LearningQueue.MAX_PENDING; i++) {
      int n = i;
      queue.submit(() -> applied.add(n));
    }

    assertThat(applied).hasSize(LearningQueue.MAX_PENDING + 1);
    assertThat(applied.get(LearningQueue.MAX_PENDING)).isEqualTo(LearningQueue.MAX_PENDING);
    assertThat(queue.isEmpty()).isTrue();
  }

  @Test
  void aRejectingExecutor_appliesTheUpdateAtOnce() {
    LearningQueue queue = new LearningQueue(task -> {
      throw new RejectedExecutionException("shut down");
    });

    queue.submit(() -> applied.add(7));

    assertThat(applied).containsExactly(7);
  }
}
