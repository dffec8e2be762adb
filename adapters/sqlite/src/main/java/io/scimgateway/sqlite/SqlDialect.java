package io.scimgateway.sqlite;

import com.unboundid.scim2.common.types.AttributeDefinition;

/**
 * What the store's SQL says differently on SQLite and on PostgreSQL; everything else (the filter
 * compiler, sorting, keyset cursors, memberships, uniqueness by unique indexes, versions by conditional
 * updates, a user's computed groups) is one code path for both. Expressions returned here are
 * fragments of a statement; where one binds a value, it says so. Implementations are stateless.
 *
 * <p>Both dialects know the SQL function {@code scim_fold(text)}, which folds to lower case as
 * {@code String.toLowerCase(Locale.ROOT)} does (SQLite: a Java function registered on each
 * connection; PostgreSQL: an ICU {@code lower} defined by the migrations).
 */
public interface SqlDialect {

  /**
   * The value at a JSON path in {@code document}, as an SQL value of the attribute's type (text,
   * number, boolean; date-times as the stored text); binds one parameter, {@link #jsonPath}.
   */
  String jsonValue(String document, AttributeDefinition.Type type);

  /** The JSON type of the value at a path in {@code document} ('null' or NULL when absent); binds the path. */
  String jsonType(String document);

  /** The parameter for a path written as SQLite writes it ({@code $.name."givenName"}). */
  Object jsonPath(String path);

  /**
   * A FROM item yielding each element of the array at a path in the row's {@code attributes} (none
   * when it is not an array), named {@code alias}; binds the path.
   */
  String jsonElements(String alias);

  /** An element itself, of the elements {@link #jsonElements} names {@code alias}, as an SQL value. */
  String elementValue(String alias, AttributeDefinition.Type type);

  /** The JSON type of an element itself. */
  String elementType(String alias);

  /** The element {@code alias}'s document, for {@link #jsonValue} of a path inside it. */
  String elementDocument(String alias);

  /** A date-time expression as UTC text with milliseconds, so that text order is time order. */
  String utcTime(String expression);

  /** The condition "{@code text} contains the bound value", binding it once. */
  String contains(String text);

  /** The condition "{@code text} ends with the bound value", binding it twice. */
  String endsWith(String text);

  /** The condition "{@code expression} is a text value" (a substring match on "" is true for those). */
  String isText(String expression);

  /** The collation under which text compares as Java's {@code String.compareTo} does, near enough. */
  String textOrder();

  /** The operator that compares two values treating NULLs as equal. */
  String notDistinct();

  /** A join that keeps the written order of its tables where the planner would choose worse. */
  String orderedJoin();

  /** The query that answers the primary key of the row the connection inserted last. */
  String lastInsertedPk();

  /**
   * Whether the store's own statements keep {@code resource_counts} beside each insert and delete;
   * otherwise triggers of the schema keep it.
   */
  boolean countsInStatements();

  /**
   * Whether the schema keeps {@code resource_pk_blocks}, each type's row count per block of
   * {@link ResourceRows#PK_BLOCK} pks, so that an unfiltered page in pk order starts counting off
   * its offset in the block where it falls.
   */
  boolean countsPkBlocks();

  /** Whether text may hold NUL (U+0000); PostgreSQL's cannot. */
  boolean storesNul();

  /** Whether {@code failure} (or what caused it) is a unique index refusing a row. */
  boolean isUniqueViolation(Throwable failure);
}
