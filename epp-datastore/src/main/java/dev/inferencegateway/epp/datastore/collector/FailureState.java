package dev.inferencegateway.epp.datastore.collector;

import org.slf4j.Logger;

/** Logs a repeated operation's failures and recoveries on transitions only. */
final class FailureState {
  private final Logger log;
  private final String subject;
  private boolean failing;

  FailureState(Logger log, String subject) {
    this.log = log;
    this.subject = subject;
  }

  void failed(String message) {
    if (!failing) {
      failing = true;
      log.warn("{} failing: {}", subject, message);
    }
  }

  void succeeded() {
    if (failing) {
      failing = false;
      log.info("{} recovered", subject);
    }
  }

  boolean failing() {
    return failing;
  }
}
