package dev.inferencegateway.epp.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inferencegateway.epp.core.plugin.DataKey;
import org.junit.jupiter.api.Test;

class AttributeMapTest {
  private static final DataKey<String> NAME = DataKey.of("Name", String.class);
  private static final DataKey<Integer> COUNT = DataKey.of("Count", Integer.class);

  @Test
  void get_returnsWhatWasPut_andEmptyForAbsentKeys() {
    AttributeMap map = new AttributeMap();
    assertThat(map.get(NAME)).isEmpty();
    map.put(NAME, "a");
    map.put(COUNT, 3);
    assertThat(map.get(NAME)).contains("a");
    assertThat(map.get(COUNT)).contains(3);
    assertThat(map.keys()).containsExactly(NAME, COUNT);
  }

  @Test
  void put_replacesTheValueOfAnEqualKey() {
    AttributeMap map = new AttributeMap();
    map.put(NAME, "a");
    map.put(DataKey.of("Name", String.class), "b");
    assertThat(map.get(NAME)).contains("b");
    assertThat(map.keys()).hasSize(1);
  }

  @Test
  void manyKeys_growTheStorage() {
    AttributeMap map = new AttributeMap();
    for (int i = 0; i < 10; i++) {
      map.put(DataKey.of("k" + i, Integer.class), i);
    }
    for (int i = 0; i < 10; i++) {
      assertThat(map.get(DataKey.of("k" + i, Integer.class))).contains(i);
    }
  }

  @Test
  void copy_isIndependent() {
    AttributeMap map = new AttributeMap();
    map.put(NAME, "a");
    AttributeMap copy = map.copy();
    copy.put(NAME, "b");
    copy.put(COUNT, 1);
    assertThat(map.get(NAME)).contains("a");
    assertThat(map.get(COUNT)).isEmpty();
    assertThat(new AttributeMap().copy().keys()).isEmpty();
  }

  @Test
  void put_rejectsAValueOfTheWrongType() {
    @SuppressWarnings({"unchecked", "rawtypes"})
    DataKey<Object> raw = (DataKey) COUNT;
    assertThatThrownBy(() -> new AttributeMap().put(raw, "not a number")).isInstanceOf(ClassCastException.class);
  }

  @Test
  void replacingTheFirstOrALaterKey_keepsInsertionOrderAndCopiesStayIndependent() {
    AttributeMap map = new AttributeMap();
    DataKey<Integer> third = DataKey.of("Third", Integer.class);
    map.put(NAME, "a");
    map.put(COUNT, 1);
    map.put(third, 3);
    map.put(DataKey.of("Name", String.class), "b");
    map.put(COUNT, 2);
    AttributeMap copy = map.copy();
    copy.put(NAME, "c");
    copy.put(third, 4);

    assertThat(map.keys()).containsExactly(NAME, COUNT, third);
    assertThat(map.get(NAME)).contains("b");
    assertThat(map.get(COUNT)).contains(2);
    assertThat(map.get(third)).contains(3);
    assertThat(copy.get(NAME)).contains("c");
    assertThat(copy.get(third)).contains(4);
    assertThat(map.get(DataKey.of("Absent", String.class))).isEmpty();
  }
}
