package nl.kamerstukken.cli.up;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * {@code up}'s watch over its services until Ctrl-C: a service that dies is restarted ({@link
 * Supervision}), one whose process lives but no longer answers ({@link Liveness}) is killed and so
 * restarted the same way, and {@code up} ends (exit 1, everything stopped) only when one keeps
 * crashing, naming it and showing its last lines. Services that end while everything is being
 * stopped (Ctrl-C reaches them too) are no surprise.
 */
final class Watch {

  private static final Duration TICK = Duration.ofMillis(250);
  private static final int LAST_LINES = 20;
  private static final Duration PROBE_TIMEOUT = Liveness.EVERY.minusSeconds(1);

  private final Pipeline pipeline;
  private final RunLock run;
  private final Path data;
  private final PrintWriter out;
  private final Supervision supervision =
      new Supervision(() -> ThreadLocalRandom.current().nextDouble());
  private final Liveness liveness =
      new Liveness(port -> ServiceProcess.answers(port, PROBE_TIMEOUT));
  private List<Supervision.ServiceState> written = List.of();

  Watch(Pipeline pipeline, RunLock run, Path data, PrintWriter out) {
    this.pipeline = pipeline;
    this.run = run;
    this.data = data;
    this.out = out;
  }

  int until(CountDownLatch stopped, AtomicBoolean stopping) throws InterruptedException {
    while (!stopped.await(TICK.toMillis(), TimeUnit.MILLISECONDS)) {
      if (stopping.get()) {
        continue;
      }
      for (ServiceProcess service : pipeline.services()) {
        if (!service.isAlive() && !look(service)) {
          return 1;
        }
      }
      watchLiveness();
      publish();
    }
    return 0;
  }

  /** Handles a dead service: false when {@code up} gives up. */
  private boolean look(ServiceProcess service) {
    String name = service.name();
    Instant now = Instant.now();
    if (!supervision.waiting(name)) {
      service.release();
      Supervision.Decision decision = supervision.crashed(name, service.exitCode(), now);
      if (decision.giveUp()) {
        say(
            name
                + " crashed "
                + decision.crashesInWindow()
                + " times within "
                + Supervision.WINDOW.toMinutes()
                + " minutes (last exit code "
                + service.exitCode()
                + "); giving up and stopping everything. Its last lines:\n"
                + service.lastLines(LAST_LINES));
        publish();
        return false;
      }
      say(
          name
              + " stopped unexpectedly (exit code "
              + service.exitCode()
              + "); restarting it in "
              + Duration.between(now, decision.at().orElseThrow()).toMillis()
              + " ms (crash "
              + decision.crashesInWindow()
              + " within "
              + Supervision.WINDOW.toMinutes()
              + " minutes; up gives up at "
              + Supervision.MAX_CRASHES
              + ")");
    } else if (supervision.due(name, now)) {
      try {
        ServiceProcess restarted = pipeline.restartService(name);
        supervision.restarted(name);
        say(name + " restarted (pid " + restarted.pid() + ")");
        run.record();
      } catch (IOException | RuntimeException e) {
        // Counted as one more crash: the backoff grows, and up gives up after too many.
        say(name + " could not be restarted: " + e.getMessage());
        supervision.crashed(name, -1, now);
      }
    }
    return true;
  }

  /**
   * Probes the living services; kills one that stopped answering, so that the next tick restarts it
   * as any dead service.
   */
  private void watchLiveness() throws InterruptedException {
    Instant now = Instant.now();
    List<ServiceProcess> living =
        pipeline.services().stream().filter(ServiceProcess::isAlive).toList();
    liveness.keepOnly(living.stream().map(ServiceProcess::pid).collect(Collectors.toSet()));
    for (ServiceProcess service : living) {
      if (liveness.hung(service.pid())) {
        killHung(service);
      } else {
        liveness.probe(service.pid(), service.httpPort(), now);
      }
    }
  }

  private void killHung(ServiceProcess service) throws InterruptedException {
    say(
        service.name()
            + " (pid "
            + service.pid()
            + ") has not answered /health/live for "
            + Liveness.silence().toSeconds()
            + " s though its process lives; killing it to restart it");
    service.kill();
  }

  private void publish() {
    List<Supervision.ServiceState> states = supervision.states(pipeline.services());
    if (states.equals(written)) {
      return;
    }
    try {
      Supervision.write(data, states);
      written = states;
    } catch (IOException e) {
      say("could not write " + data.resolve(Supervision.STATE_FILE) + ": " + e.getMessage());
    }
  }

  private void say(String message) {
    out.println("kamerstukken: " + message);
    out.flush();
  }
}
