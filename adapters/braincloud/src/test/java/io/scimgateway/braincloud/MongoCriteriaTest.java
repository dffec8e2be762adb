package io.scimgateway.braincloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** brainCloud's searchCriteria for pushed User filters, with local state standing in. */
class MongoCriteriaTest {

  private final UserCriteria criteria = new UserCriteria(new UserCriteria.Local() {
    @Override
    public Collection<String> withLogin(String userName) {
      return userName.equals("ada") ? List.of("p1") : List.of();
    }

    @Override
    public Collection<String> keptLocally(String scimAttribute) {
      return List.of();
    }
  });

  private String criteria(String filter) throws ScimException {
    return criteria.criteria(Filter.fromString(filter)).toString();
  }

  @Test
  void combinationsBecomeAndOrAndNor() throws ScimException {
    assertEquals("{\"$and\":[{\"profileId\":\"x1\"},{\"$nor\":[{\"profileId\":\"x2\"}]}]}",
        criteria("id eq \"x1\" and not (id eq \"x2\")"));
    assertEquals("{\"$or\":[{\"profileId\":\"x1\"},{\"profileId\":\"x2\"}]}",
        criteria("id eq \"x1\" or id eq \"x2\""));
    assertEquals("{}", criteria.criteria(null).toString());
  }

  @Test
  void textComparisonsAreCaseInsensitiveRegexesBesideLocallyKeptValues() throws ScimException {
    assertEquals("{\"$or\":[{\"playerName\":{\"$regex\":\"^Ada\",\"$options\":\"i\"}},"
        + "{\"profileId\":{\"$in\":[]}}]}", criteria("displayName sw \"Ada\""));
  }

  @Test
  void aValueFilterIsNeverPushed() {
    assertThrows(IllegalArgumentException.class, () -> criteria("emails[value eq \"a@x.io\"]"));
  }
}
