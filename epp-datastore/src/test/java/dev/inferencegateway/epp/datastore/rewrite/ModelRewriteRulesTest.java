package dev.inferencegateway.epp.datastore.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.epp.core.datastore.ModelRewrite;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelRewriteRulesTest {
  private static final Instant OLD = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant NEW = Instant.parse("2026-02-01T00:00:00Z");

  private static RewriteRule rule(String name, Instant created, int index, Set<String> models, String target) {
    return new RewriteRule(name, created, index, models, List.of(new ModelRewrite.Target(target, 1)));
  }

  private static String target(ModelRewriteRules rules, String model) {
    return rules.find(model).map(r -> r.rewriteName() + ":" + r.targets().get(0).model()).orElse("none");
  }

  @Test
  void find_followsUpstreamPrecedence() {
    ModelRewriteRules rules = ModelRewriteRules.of(List.of(
        rule("new-exact", NEW, 0, Set.of("food-review"), "fr-new"),
        rule("old-generic", OLD, 0, Set.of(), "catch-all-old"),
        rule("new-generic", NEW, 0, Set.of(), "catch-all-new"),
        rule("old-exact", OLD, 1, Set.of("food-review", "chat"), "fr-old-rule1"),
        rule("old-exact", OLD, 0, Set.of("chat"), "chat-old-rule0")));

    assertThat(target(rules, "food-review")).isEqualTo("old-exact:fr-old-rule1");
    assertThat(target(rules, "chat")).isEqualTo("old-exact:chat-old-rule0");
    assertThat(target(rules, "unknown")).isEqualTo("old-generic:catch-all-old");
    assertThat(rules.rules()).extracting(RewriteRule::rewriteName)
        .containsExactly("old-exact", "old-exact", "old-generic", "new-exact", "new-generic");
  }

  @Test
  void find_withoutGenericRule_matchesOnlyExactModels() {
    ModelRewriteRules rules = ModelRewriteRules.of(List.of(rule("r", OLD, 0, Set.of("a"), "b")));

    assertThat(target(rules, "a")).isEqualTo("r:b");
    assertThat(rules.find("z")).isEmpty();
    assertThat(ModelRewriteRules.EMPTY.find("a")).isEmpty();
  }

  @Test
  void sameCreationTime_tiesBreakByName() {
    ModelRewriteRules rules = ModelRewriteRules.of(List.of(rule("b", OLD, 0, Set.of("m"), "from-b"),
        rule("a", OLD, 0, Set.of("m"), "from-a")));

    assertThat(target(rules, "m")).isEqualTo("a:from-a");
  }
}
