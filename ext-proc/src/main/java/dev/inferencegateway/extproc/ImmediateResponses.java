package dev.inferencegateway.extproc;

import com.google.protobuf.ByteString;
import io.envoyproxy.envoy.service.ext_proc.v3.ImmediateResponse;
import io.envoyproxy.envoy.type.v3.HttpStatus;
import io.envoyproxy.envoy.type.v3.StatusCode;
import java.nio.charset.StandardCharsets;

/** Builds Envoy immediate responses (answers sent to the client without forwarding). */
public final class ImmediateResponses {
  private ImmediateResponses() {}

  /** Converts a rejection to Envoy's immediate response. */
  public static ImmediateResponse of(RequestOutcome.Reject reject) {
    StatusCode code = StatusCode.forNumber(reject.httpStatus());
    HttpStatus.Builder status = HttpStatus.newBuilder();
    if (code == null) {
      status.setCodeValue(reject.httpStatus());
    } else {
      status.setCode(code);
    }
    ImmediateResponse.Builder response = ImmediateResponse.newBuilder()
        .setStatus(status)
        .setBody(ByteString.copyFrom(reject.body(), StandardCharsets.UTF_8));
    if (!reject.headers().isEmpty()) {
      response.setHeaders(reject.headers().toMutation());
    }
    return response.build();
  }
}
