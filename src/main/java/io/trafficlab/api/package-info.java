/**
 * The v1 JSON API ({@code POST /api/v1/analyze}, {@code POST /api/v1/trace}): request
 * parsing, the response records that mirror the contract, and JSON errors.
 */
@NullMarked
package io.trafficlab.api;

import org.jspecify.annotations.NullMarked;
