package io.scimgateway.emulator.zidentity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The documented list filters. Users ({@code GET /users}, {@code GET /groups/{id}/users}): repeatable exact
 * parameters match any of their values ({@code loginname}, {@code domainname}, {@code idpname}), {@code [like]}
 * parameters are case-insensitive substrings. Groups: {@code name[like]} and {@code excludedynamicgroups}. Different
 * parameters must all match; unknown ones are ignored, as the platform ignored {@code search=}.
 */
final class ZidFilters {

  private ZidFilters() {}

  static Predicate<ObjectNode> users(ZidRequest request) {
    return anyEqual(request.parameters("loginname"), ZidFilters::loginName)
        .and(allContain(request.parameters("loginname[like]"), ZidFilters::loginName))
        .and(allContain(request.parameters("displayname[like]"), user -> text(user, "displayName")))
        .and(allContain(request.parameters("primaryemail[like]"), ZidFilters::primaryEmail))
        .and(anyDomain(request.parameters("domainname")))
        .and(anyEqual(request.parameters("idpname"), user -> user.path("idp").path("name").asText()));
  }

  static Predicate<ObjectNode> groups(ZidRequest request) {
    boolean excludeDynamic = Boolean.parseBoolean(request.parameter("excludedynamicgroups"));
    return allContain(request.parameters("name[like]"), group -> text(group, "name"))
        .and(group -> !(excludeDynamic && group.path("dynamicGroup").asBoolean()));
  }

  private static String loginName(ObjectNode user) {
    return text(user, "loginName");
  }

  private static String primaryEmail(ObjectNode user) {
    return text(user, "primaryEmail");
  }

  private static String text(ObjectNode record, String field) {
    return record.path(field).asText();
  }

  private static Predicate<ObjectNode> anyEqual(List<String> values, Function<ObjectNode, String> field) {
    return record -> values.isEmpty() || values.stream().anyMatch(value -> value.equalsIgnoreCase(field.apply(record)));
  }

  private static Predicate<ObjectNode> allContain(List<String> values, Function<ObjectNode, String> field) {
    return record -> values.stream().allMatch(value -> lower(field.apply(record)).contains(lower(value)));
  }

  /** A guess where the reference is silent: the domain of the login name or of the primary email. */
  private static Predicate<ObjectNode> anyDomain(List<String> domains) {
    return anyEqual(domains, user -> domainOf(loginName(user)))
        .or(anyEqual(domains, user -> domainOf(primaryEmail(user))));
  }

  private static String domainOf(String address) {
    int at = address.lastIndexOf('@');
    return at < 0 ? "" : address.substring(at + 1);
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
