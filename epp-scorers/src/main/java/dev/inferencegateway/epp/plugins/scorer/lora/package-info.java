/**
 * {@code lora-affinity-scorer}: prefers endpoints that already serve, or can load, the requested
 * LoRA adapter (the request's target model).
 *
 * <ul>
 *   <li>Category: affinity.
 *   <li>Formula, first match wins:
 *       <ol>
 *         <li>1.0 when the target model is among the running adapters ({@code activeModels});
 *         <li>0.8 when the endpoint has a free adapter slot: the number of distinct running and
 *             waiting adapters is below {@code maxActiveModels} ({@code max_lora});
 *         <li>0.6 when the target model is among the waiting adapters ({@code waitingModels});
 *         <li>0 otherwise.
 *       </ol>
 *       Running and waiting adapters are distinct sets (reference decision 5): an adapter listed
 *       in both counts once, so the 0.6 tier stays reachable when every slot is taken.
 *   <li>Parameters: none.
 *   <li>Consumes: the scraped metrics only. An endpoint never scraped has no slots and scores 0.
 * </ul>
 */
package dev.inferencegateway.epp.plugins.scorer.lora;
