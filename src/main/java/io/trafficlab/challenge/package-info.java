/**
 * The challenge pages: {@code /challenges} lists them, {@code /challenges/{id}} runs one
 * in a playground with a live checklist of its goal, which htmx polls from
 * {@code /challenges/{id}/check}. The challenges themselves are data
 * ({@link io.trafficlab.teaching.ChallengeCatalog}).
 */
@NullMarked
package io.trafficlab.challenge;

import org.jspecify.annotations.NullMarked;
