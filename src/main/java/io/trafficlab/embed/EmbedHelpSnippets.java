package io.trafficlab.embed;

import java.net.URI;

/**
 * The copy-paste snippets of {@code /embed/help}, written with this server's own absolute
 * address, so an author copies them as they are.
 *
 * @param base the app's address, scheme, host, port and context path, without a trailing
 * slash, e.g. {@code https://lab.example.com}
 * @param origin the app's origin (what a host page compares {@code event.origin} with)
 */
record EmbedHelpSnippets(String base, String origin) {

	/** The preset every example embeds: the 3/1/0 placement the lessons start from. */
	static final String PRESET = "uneven-3-1-0";

	/** The challenge the worked host page embeds. */
	static final String CHALLENGE = "one-move-equal-shares";

	/** The lesson step the element's examples embed. */
	static final String LESSON = "uneven-distribution";

	static final String TITLE = "Traffic Lab: externalTrafficPolicy with pods 3/1/0";

	static EmbedHelpSnippets of(String base) {
		String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		URI uri = URI.create(trimmed);
		String origin = uri.getScheme() + "://" + uri.getRawAuthority();
		return new EmbedHelpSnippets(trimmed, origin);
	}

	public String scriptUrl() {
		return this.base + "/js/traffic-lab.js";
	}

	/** The playground's shareable URL: what WordPress turns into an embed by oEmbed. */
	public String shareUrl() {
		return this.base + "/?preset=" + PRESET;
	}

	public String embedUrl() {
		return this.base + "/embed?preset=" + PRESET;
	}

	public String challengeEmbedUrl() {
		return this.base + "/embed?challenge=" + CHALLENGE;
	}

	public String iframe() {
		return """
				<iframe src="%s" title="%s"
				  width="800" height="560" style="max-width:100%%;border:0" allow="fullscreen" loading="lazy"></iframe>"""
			.formatted(embedUrl(), TITLE);
	}

	public String element() {
		return """
				<script src="%s" defer></script><traffic-lab preset="%s"></traffic-lab>""".formatted(scriptUrl(),
				PRESET);
	}

	public String elementExamples() {
		return """
				<traffic-lab preset="%s" height="480" title="%s"></traffic-lab>
				<traffic-lab lesson="%s" step="2"></traffic-lab>
				<traffic-lab challenge="%s"></traffic-lab>""".formatted(PRESET, TITLE, LESSON, CHALLENGE);
	}

	public String wordpress() {
		return """
				Pods placed 3/1/0 under Local:

				%s

				The lone pod takes half of the traffic.""".formatted(shareUrl());
	}

	public String mdxIframe() {
		return """
				<iframe
				  src="%s"
				  title="%s"
				  width="100%%"
				  height="560"
				  style={{border: 0}}
				  allow="fullscreen"
				  loading="lazy"
				/>""".formatted(embedUrl(), TITLE);
	}

	public String docusaurusConfig() {
		return """
				// docusaurus.config.js
				export default {
				  // …
				  scripts: [{src: '%s', defer: true}],
				};

				// then in any .mdx page:
				<traffic-lab preset="%s"></traffic-lab>""".formatted(scriptUrl(), PRESET);
	}

	public String mkdocsConfig() {
		return """
				# mkdocs.yml
				extra_javascript:
				  - %s""".formatted(scriptUrl());
	}

	public String mkdocsPage() {
		return """
				## Try it

				<traffic-lab preset="%s"></traffic-lab>

				Or without the script, a plain frame:

				%s""".formatted(PRESET, iframe());
	}

	public String notion() {
		return embedUrl();
	}

	public String lms() {
		return """
				<iframe src="%s" title="%s"
				  width="100%%" height="560" style="border:0" allow="fullscreen"></iframe>""".formatted(embedUrl(),
				TITLE);
	}

	/** A whole host page: a challenge in a frame, the page hearing that it was solved. */
	public String hostPage() {
		return """
				<!DOCTYPE html>
				<html lang="en">
				<head><meta charset="utf-8"><title>Challenge: one move, equal shares</title></head>
				<body>
				  <h1>One move, equal shares</h1>
				  <iframe id="lab" src="%1$s" title="Traffic Lab challenge: one move, equal shares"
				    width="800" height="700" style="max-width:100%%;border:0" allow="fullscreen"></iframe>
				  <p id="status" role="status">Press Start, then move one pod.</p>
				  <button id="local" type="button">Switch the Service to Local</button>
				  <script>
				    const APP = '%2$s';
				    const lab = document.getElementById('lab');
				    const status = document.getElementById('status');

				    function send(type, fields) {
				      lab.contentWindow.postMessage({source: 'traffic-lab', version: 1, type, ...fields}, APP);
				    }

				    window.addEventListener('message', (event) => {
				      // Only our frame, only Traffic Lab's envelope, only the version we speak
				      if (event.source !== lab.contentWindow || event.origin !== APP) return;
				      const message = event.data;
				      if (!message || message.source !== 'traffic-lab' || message.version !== 1) return;
				      switch (message.type) {
				        case 'ready':
				          if (message.started) status.textContent = 'Running: move one pod so every pod gets the same share.';
				          break;
				        case 'challengeSolved':
				          status.textContent = 'Solved! (' + message.challenge + ')';
				          break;
				        case 'resize':
				          lab.style.height = message.height + 'px';
				          break;
				        case 'reply':
				          if (!message.ok) status.textContent = 'Command ' + message.id + ' was refused.';
				          break;
				        case 'error':
				          status.textContent = 'Traffic Lab: ' + message.message;
				          break;
				      }
				    });

				    document.getElementById('local').addEventListener('click', () =>
				      send('setPolicy', {policy: 'Local', id: 'local-1'}));
				  </script>
				</body>
				</html>"""
			.formatted(challengeEmbedUrl(), this.origin);
	}

}
