/**
 * Traffic Lab in other sites' pages: oEmbed for the shareable URLs, the authors' help
 * page and the embed token that lets a sandboxed frame (opaque origin) drive the one
 * sandbox it started.
 */
@NullMarked
package io.trafficlab.embed;

import org.jspecify.annotations.NullMarked;
