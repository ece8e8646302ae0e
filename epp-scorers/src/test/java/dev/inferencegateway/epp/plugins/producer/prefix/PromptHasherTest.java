package dev.inferencegateway.epp.plugins.producer.prefix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.epp.core.request.ByteSlice;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** XXH64 against the published reference vectors, and the block chain upstream builds from it. */
class PromptHasherTest {
  static Stream<Arguments> referenceVectors() {
    return Stream.of(
        Arguments.of("empty", "", 0L, 0xef46db3751d8e999L),
        Arguments.of("empty, seed 1", "", 1L, 0xd5afba1336a3be4bL),
        Arguments.of("a", "a", 0L, 0xd24ec4f1a98c6e5bL),
        Arguments.of("as", "as", 0L, 0x1c330fb2d66be179L),
        Arguments.of("asd", "asd", 0L, 0x631c37ce72a97393L),
        Arguments.of("asdf", "asdf", 0L, 0x415872f599cea71eL),
        Arguments.of("abc", "abc", 0L, 0x44bc2cf5ad770999L),
        Arguments.of("Call me Ishmael (63 bytes, every code path)",
            "Call me Ishmael. Some years ago--never mind how long precisely-", 0L, 0x02a2e85470d6fd96L),
        Arguments.of("32 bytes", "0123456789abcdef0123456789abcdef", 0L, 0x642a94958e71e6c5L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("referenceVectors")
  void xxh64_matchesReferenceVectors(String name, String input, long seed, long expected) {
    byte[] bytes = input.getBytes(StandardCharsets.UTF_8);

    assertThat(PromptHasher.xxh64(bytes, 0, bytes.length, seed)).isEqualTo(expected);
  }

  @Test
  void hash_chainsBlocksFromModelAndSalt() {
    String prompt = "x".repeat(64) + "y".repeat(64) + "tail";

    long[] hashes = PromptHasher.hash("model-a", "tenant", slice(prompt), 16, 256);

    long h0 = xxh64("model-atenant".getBytes(StandardCharsets.UTF_8));
    long h1 = xxh64(concat("x".repeat(64), h0));
    long h2 = xxh64(concat("y".repeat(64), h1));
    long h3 = xxh64(concat("tail", h2));
    assertThat(hashes).containsExactly(h1, h2, h3);
  }

  @Test
  void hash_promptShorterThanOneBlockHasNoHashes() {
    assertThat(PromptHasher.hash("m", "", slice("x".repeat(63)), 16, 256)).isEmpty();
    assertThat(PromptHasher.hash("m", "", slice("x".repeat(64)), 16, 256)).hasSize(1);
  }

  @Test
  void hash_truncatesToMaxBlocksWithoutPartialBlock() {
    assertThat(PromptHasher.hash("m", "", slice("x".repeat(64 * 5 + 10)), 16, 3)).hasSize(3);
    assertThat(PromptHasher.hash("m", "", slice("x".repeat(64 * 5 + 10)), 16, 0)).isEmpty();
  }

  @Test
  void hash_sharedPrefixSharesLeadingHashes() {
    long[] a = PromptHasher.hash("m", "", slice("s".repeat(128) + "question one"), 16, 256);
    long[] b = PromptHasher.hash("m", "", slice("s".repeat(128) + "another question"), 16, 256);

    assertThat(a[0]).isEqualTo(b[0]);
    assertThat(a[1]).isEqualTo(b[1]);
    assertThat(a[2]).isNotEqualTo(b[2]);
  }

  @Test
  void hash_respectsSliceOffset() {
    byte[] padded = ("#####" + "z".repeat(64) + "#####").getBytes(StandardCharsets.UTF_8);

    assertThat(PromptHasher.hash("m", "", new ByteSlice(padded, 5, 64), 16, 256))
        .containsExactly(PromptHasher.hash("m", "", slice("z".repeat(64)), 16, 256));
  }

  private static ByteSlice slice(String text) {
    return ByteSlice.of(text.getBytes(StandardCharsets.UTF_8));
  }

  private static long xxh64(byte[] bytes) {
    return PromptHasher.xxh64(bytes, 0, bytes.length, 0);
  }

  private static byte[] concat(String block, long previous) {
    byte[] text = block.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(text.length + 8).order(ByteOrder.LITTLE_ENDIAN).put(text).putLong(previous).array();
  }
}
