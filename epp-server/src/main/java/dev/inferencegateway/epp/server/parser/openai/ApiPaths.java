package dev.inferencegateway.epp.server.parser.openai;

import dev.inferencegateway.epp.core.request.ApiType;
import java.util.List;
import java.util.Map;

/**
 * Chooses the OpenAI API of a request by the suffix of its path: {@code :path} first, then the
 * original path a proxy may have recorded in {@code x-original-path} or {@code x-forwarded-path};
 * completions when none matches. The query string and a trailing slash are ignored.
 */
final class ApiPaths {
  private static final List<String> PATH_HEADERS = List.of(":path", "x-original-path", "x-forwarded-path");
  private static final List<ApiType> BY_SPECIFICITY = List.of(ApiType.CONVERSATIONS, ApiType.RESPONSES,
      ApiType.CHAT_COMPLETIONS, ApiType.COMPLETIONS, ApiType.EMBEDDINGS);

  private ApiPaths() {}

  static ApiType apiType(Map<String, String> headers) {
    for (String header : PATH_HEADERS) {
      String path = headers.get(header);
      if (path != null) {
        ApiType type = match(path);
        if (type != null) {
          return type;
        }
      }
    }
    return ApiType.COMPLETIONS;
  }

  private static ApiType match(String rawPath) {
    int query = rawPath.indexOf('?');
    String path = query >= 0 ? rawPath.substring(0, query) : rawPath;
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    for (ApiType type : BY_SPECIFICITY) {
      if (path.endsWith(type.pathSuffix())) {
        return type;
      }
    }
    return null;
  }
}
