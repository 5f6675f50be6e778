package nl.kamerstukken.cli.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether work is stuck, from two looks at the consumer groups some seconds apart and the services'
 * health. Stuck means: a service has work waiting (lag above 0) and committed nothing during the
 * window, or a service answers {@code /health} with "not ready". A service that does not answer is
 * only a problem when work waits for it (then its lag does not move). Waiting work that moves is
 * progress, not stuck.
 */
final class Verdict {

  /**
   * @param stuck whether to exit non-zero
   * @param reasons what is stuck, for the operator
   */
  record Result(boolean stuck, List<String> reasons) {
    Result {
      reasons = List.copyOf(reasons);
    }
  }

  private Verdict() {}

  /**
   * @param before the first look (null when there was no window: a single look)
   * @param after the last look
   * @param health the services' answers
   */
  static Result judge(
      KafkaProgress.Snapshot before,
      KafkaProgress.Snapshot after,
      List<ServiceHealth.Health> health) {
    List<String> reasons = new ArrayList<>();
    for (Map.Entry<String, Long> lag : after.lag().entrySet()) {
      String service = lag.getKey();
      if (lag.getValue() == 0 || before == null) {
        continue;
      }
      long progress = after.committed().get(service) - before.committed().getOrDefault(service, 0L);
      if (progress <= 0) {
        reasons.add(
            service
                + ": "
                + lag.getValue()
                + " event(s) waiting and none finished during the window");
      }
    }
    for (ServiceHealth.Health answer : health) {
      if (answer.state() == ServiceHealth.State.DOWN) {
        reasons.add(answer.service() + " is not ready: " + answer.detail());
      }
    }
    return new Result(!reasons.isEmpty(), reasons);
  }
}
