package io.scimgateway.emulator.spaceone;

import java.util.List;

/**
 * An action with effects outside the user record that a test counts: a reset email sent ({@code reset_password},
 * from the verb or from {@code create}/{@code update} with {@code reset_password:true}), required actions set, a
 * password changed.
 *
 * @param kind {@code reset_password}, {@code set_required_actions} or {@code password_changed}
 * @param detail the reset type, or the actions asked for
 */
public record SpaceoneAction(String kind, String userId, List<String> detail) {

  public SpaceoneAction {
    detail = List.copyOf(detail);
  }
}
