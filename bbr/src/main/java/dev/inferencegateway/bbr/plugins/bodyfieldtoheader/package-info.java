/**
 * {@code body-field-to-header}: copies one top-level field of the JSON request body into a request
 * header, so that HTTPRoute header matches can route on it.
 *
 * <p>Parameters (both required): {@code fieldName}, the top-level body field (e.g. {@code model});
 * {@code headerName}, the header to set (e.g. {@code X-Gateway-Model-Name}).
 *
 * <p>Behaviour: the header is set to the field's text (strings decoded, numbers and booleans as
 * written, objects and arrays as compact JSON). When the body lacks the field,
 * {@code bbr_body_field_not_found_total{field}} is counted; when it is null or empty,
 * {@code bbr_body_field_empty_total{field}}; in both cases the request is forwarded unchanged (no
 * processor's changes apply), as upstream. A value with a control character is refused with 400.
 *
 * <p>Consumes: the body field {@code fieldName}, collected in the single validating pass. Produces:
 * the header {@code headerName}.
 */
package dev.inferencegateway.bbr.plugins.bodyfieldtoheader;
