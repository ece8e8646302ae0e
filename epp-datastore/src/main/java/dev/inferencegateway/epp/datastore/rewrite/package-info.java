/** InferenceModelRewrite rules indexed by upstream's precedence (exact, oldest, rule order). */
package dev.inferencegateway.epp.datastore.rewrite;
