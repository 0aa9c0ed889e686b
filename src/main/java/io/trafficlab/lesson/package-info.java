/**
 * The lesson pages: {@code /lessons}, each step at {@code /lessons/{lesson}/{step}} with
 * its own live sandbox, the answers to its questions, and {@code /embed?lesson=…&step=…}
 * for iframes.
 */
@NullMarked
package io.trafficlab.lesson;

import org.jspecify.annotations.NullMarked;
