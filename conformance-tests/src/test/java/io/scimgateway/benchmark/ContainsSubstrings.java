package io.scimgateway.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Five-character pieces of generated display names that occur in only a few of them, with how many
 * users each matches, for {@code displayName co "<piece>"} (case-insensitive, as RFC 7643 makes
 * displayName).
 */
final class ContainsSubstrings {

  record Piece(String text, int matches) {
  }

  private ContainsSubstrings() {
  }

  static List<Piece> pick(int users, int wanted, int maxMatches, long seed) {
    String[] names = new String[users];
    for (int n = 1; n <= users; n++) {
      names[n - 1] = SyntheticUsers.displayName(n).toLowerCase(Locale.ROOT);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Piece> pieces = new ArrayList<>();
    for (int attempt = 0; pieces.size() < wanted && attempt < wanted * 50; attempt++) {
      String name = names[random.nextInt(users)];
      if (name.length() < 5) {
        continue;
      }
      int from = random.nextInt(name.length() - 4);
      String piece = name.substring(from, from + 5);
      if (piece.contains(" ") || pieces.stream().anyMatch(p -> p.text().equals(piece))) {
        continue;
      }
      int matches = 0;
      for (String each : names) {
        if (each.contains(piece) && ++matches > maxMatches) {
          break;
        }
      }
      if (matches <= maxMatches) {
        pieces.add(new Piece(piece, matches));
      }
    }
    if (pieces.isEmpty()) {
      throw new IllegalStateException("No display-name piece matches at most " + maxMatches + " users");
    }
    return pieces;
  }
}
