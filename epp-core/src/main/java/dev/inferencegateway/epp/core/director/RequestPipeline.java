package dev.inferencegateway.epp.core.director;

import dev.inferencegateway.epp.core.config.LoadedConfig;
import dev.inferencegateway.epp.core.parser.Parser;
import dev.inferencegateway.epp.core.requestcontrol.Admitter;
import dev.inferencegateway.epp.core.requestcontrol.DataProducer;
import dev.inferencegateway.epp.core.requestcontrol.PreRequest;
import dev.inferencegateway.epp.core.requestcontrol.ResponseBodyProcessor;
import dev.inferencegateway.epp.core.requestcontrol.ResponseHeaderProcessor;
import dev.inferencegateway.epp.core.requestcontrol.SaturationDetector;
import dev.inferencegateway.epp.core.scheduling.Scheduler;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The configured plugins that one request passes through, in order: the parser, data producers
 * (already in dependency order), admitters, the scheduler, pre-request hooks, and the response
 * plugins.
 *
 * @param parser reads request bodies and response usage
 * @param saturationDetector rates pool saturation for admission; empty disables shedding
 * @param producers data producers in dependency order
 * @param admitters admission plugins
 * @param scheduler the scheduler
 * @param preRequests hooks run after scheduling
 * @param responseHeaderProcessors plugins run on the response headers
 * @param responseBodyProcessors plugins run on the response body
 */
public record RequestPipeline(
    Parser parser,
    Optional<SaturationDetector> saturationDetector,
    List<DataProducer> producers,
    List<Admitter> admitters,
    Scheduler scheduler,
    List<PreRequest> preRequests,
    List<ResponseHeaderProcessor> responseHeaderProcessors,
    List<ResponseBodyProcessor> responseBodyProcessors) {

  public RequestPipeline {
    Objects.requireNonNull(parser, "parser");
    Objects.requireNonNull(saturationDetector, "saturationDetector");
    producers = List.copyOf(producers);
    admitters = List.copyOf(admitters);
    Objects.requireNonNull(scheduler, "scheduler");
    preRequests = List.copyOf(preRequests);
    responseHeaderProcessors = List.copyOf(responseHeaderProcessors);
    responseBodyProcessors = List.copyOf(responseBodyProcessors);
  }

  /** Returns the pipeline of a loaded configuration. */
  public static RequestPipeline from(LoadedConfig config) {
    return new RequestPipeline(config.parser(), Optional.ofNullable(config.saturationDetector()),
        config.dataProducers(), config.admitters(), config.scheduler(), config.preRequests(),
        config.responseHeaderProcessors(), config.responseBodyProcessors());
  }
}
