package io.scimgateway.braincloud;

import io.scimgateway.kit.PlatformClient;
import io.scimgateway.kit.PlatformErrors;
import io.scimgateway.kit.local.LocalState;
import io.scimgateway.kit.remote.RemoteBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * SCIM Users (and, with a group owner configured, Groups) on one brainCloud app through its S2S dispatcher, with
 * what brainCloud cannot hold kept in local state. Idle sessions get heartbeats. Thread-safe.
 */
final class BrainCloudBackend extends RemoteBackend {

  /** How often idle sessions are looked at when brainCloud sets the heartbeat interval (30 minutes by default). */
  private static final Duration HEARTBEAT_CHECK = Duration.ofMinutes(1);

  private final S2sClient client;
  private final ScheduledExecutorService heartbeats;

  BrainCloudBackend(BrainCloudSettings settings) {
    super(LocalState.open(settings.localState()), settings.dispatcher());
    Clock clock = Clock.systemUTC();
    PlatformClient http = new PlatformClient(settings.dispatcher(),
        new PlatformErrors(settings.dispatcher(), S2sErrors::reason));
    this.client = new S2sClient(http, new S2sErrors(http.errors(), settings.notFoundReason()), settings.server(),
        settings.sessions(), settings.dispatcher().readTimeout());
    UserReads users = new UserReads(client, local, settings.groups(), clock);
    BrainCloudGroupStore groups = settings.groups() == null ? null
        : new BrainCloudGroupStore(client, local, users, settings, clock);
    serve(UserReads.RESOURCE_TYPE, new BrainCloudUserStore(client, local, users, groups, settings, clock));
    if (groups != null) {
      serve(GroupCollection.RESOURCE_TYPE, groups);
    }
    this.heartbeats = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "braincloud-heartbeat");
      thread.setDaemon(true);
      return thread;
    });
    Duration every = settings.heartbeat().isZero() ? HEARTBEAT_CHECK : settings.heartbeat();
    heartbeats.scheduleWithFixedDelay(() -> client.heartbeat(settings.heartbeat()), every.toMillis(),
        every.toMillis(), TimeUnit.MILLISECONDS);
    repairInterruptedWrites();
  }

  @Override
  public void close() {
    heartbeats.shutdownNow();
    client.close();
    super.close();
  }
}
