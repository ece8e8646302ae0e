package dev.inferencegateway.charts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code helm install} or {@code helm upgrade} command of the seed guides, reduced to what Helm
 * renders from: the guide, the chart, the release name and the {@code --set} values.
 */
record SeedCommand(String guide, String chart, String release, Map<String, Object> sets) {

    private static final String DEEPSEEK = "deepseek/vllm-deepseek-r1";
    private static final String LLAMA = "meta-llama/Llama-3.1-8B-Instruct";

    /** The provider the command sets, or "none" when it sets none. */
    String provider() {
        return String.valueOf(sets.getOrDefault("provider.name", "none"));
    }

    @Override
    public String toString() {
        return guide + ": helm " + chart + " " + release + " " + sets;
    }

    /** Every inferencepool chart command of the seed guides, one per provider tab. */
    static List<SeedCommand> inferencePool() {
        List<SeedCommand> commands = new java.util.ArrayList<>();
        for (String provider : List.of("gke", "istio", "none", "")) {
            commands.add(pool("multiple-pools install (BBR base model)", "vllm-deepseek-r1", provider,
                    baseModelRoute(DEEPSEEK)));
            commands.add(pool("multiple-pools upgrade (BBR base model)", "vllm-llama3-8b-instruct", provider,
                    baseModelRoute(LLAMA)));
        }
        for (String provider : List.of("gke", "istio")) {
            commands.add(pool("serve-multiple-models v1.0", "vllm-phi4-mini-instruct", provider, Map.of(),
                    "phi4-mini"));
        }
        for (String provider : List.of("gke", "istio", "none")) {
            commands.add(pool("serve-multiple-models-and-loras", "vllm-deepseek-r1", provider, Map.of()));
        }
        Map<String, Object> smallEpp = new LinkedHashMap<>();
        smallEpp.put("inferenceExtension.resources.requests.cpu", "10m");
        smallEpp.put("inferenceExtension.resources.requests.memory", "128Mi");
        smallEpp.put("inferenceExtension.resources.limits.memory", "512Mi");
        commands.add(pool("agentgateway multiple-pools", "vllm-deepseek-r1", "none", smallEpp));
        return commands;
    }

    /** Every body-based-routing chart command of the seed guides. */
    static List<SeedCommand> bodyBasedRouting() {
        return List.of(
                new SeedCommand("BBR guides, GKE tab", "body-based-routing", "body-based-router",
                        Map.of("provider.name", "gke")),
                new SeedCommand("BBR guides, Istio tab", "body-based-routing", "body-based-router",
                        Map.of("provider.name", "istio")),
                new SeedCommand("BBR guides, Other tab", "body-based-routing", "body-based-router", Map.of()));
    }

    private static Map<String, Object> baseModelRoute(String baseModel) {
        Map<String, Object> sets = new LinkedHashMap<>();
        sets.put("experimentalHttpRoute.enabled", true);
        sets.put("experimentalHttpRoute.baseModel", baseModel);
        return sets;
    }

    private static SeedCommand pool(String guide, String release, String provider, Map<String, Object> extra) {
        return pool(guide, release, provider, extra, release);
    }

    private static SeedCommand pool(String guide, String release, String provider, Map<String, Object> extra,
            String appLabel) {
        Map<String, Object> sets = new LinkedHashMap<>();
        sets.put("inferencePool.modelServers.matchLabels.app", appLabel);
        if (!provider.isEmpty()) {
            sets.put("provider.name", provider);
        }
        sets.putAll(extra);
        return new SeedCommand(guide, "inferencepool", release, sets);
    }
}
