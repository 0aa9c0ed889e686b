// <traffic-lab>: a light facade (title, Start) that becomes the real embed frame when clicked, so a docs page with
// several embeds loads nothing from Traffic Lab until a reader asks for one (the lite-youtube-embed pattern).
import { ATTRIBUTES, embedUrl, readEmbedRequest, type EmbedRequest } from './embedRequest';
import { FACADE_CSS } from './facadeStyles';

export const TAG = 'traffic-lab';

const TAGLINE = 'Traffic Lab · Kubernetes externalTrafficPolicy sandbox';

/** Defines the element once; scriptUrl is where this script was loaded from, so the frame's app is its own. */
export function defineTrafficLab(win: Window & typeof globalThis, scriptUrl: string): void {
	if (win.customElements.get(TAG) !== undefined) {
		return;
	}
	const doc = win.document;
	const sheet = styleSheet(win);

	class TrafficLabElement extends win.HTMLElement {
		static readonly observedAttributes = [...ATTRIBUTES];

		readonly #root: ShadowRoot;

		constructor() {
			super();
			this.#root = this.attachShadow({ mode: 'open' });
			if (sheet !== null) {
				this.#root.adoptedStyleSheets = [sheet];
			}
			else {
				// Browsers without constructable stylesheets; a host page whose CSP refuses inline styles gets plain text
				const style = doc.createElement('style');
				style.textContent = FACADE_CSS;
				this.#root.append(style);
			}
		}

		connectedCallback(): void {
			this.#render();
		}

		attributeChangedCallback(): void {
			if (this.isConnected) {
				this.#render();
			}
		}

		#render(): void {
			const result = readEmbedRequest((name) => this.getAttribute(name));
			this.#root.querySelector('.card')?.remove();
			const card = doc.createElement('div');
			card.className = 'card';
			card.setAttribute('role', 'group');
			const title = paragraph('title', result.ok ? result.request.title : 'Traffic Lab cannot show this embed');
			title.id = 'title';
			card.setAttribute('aria-labelledby', 'title');
			if (result.ok) {
				const request = result.request;
				card.style.height = `${request.height}px`;
				const start = doc.createElement('button');
				start.type = 'button';
				start.className = 'start';
				start.setAttribute('aria-describedby', 'title');
				const play = doc.createElement('span');
				play.setAttribute('aria-hidden', 'true');
				play.textContent = '▶';
				start.append(play, ' Start');
				start.addEventListener('click', () => this.#start(request));
				card.append(title, start, paragraph('line', TAGLINE));
			}
			else {
				card.classList.add('card--refused');
				const message = paragraph('message', `<traffic-lab>: ${result.message}.`);
				message.setAttribute('role', 'status');
				card.append(title, message, paragraph('line', TAGLINE));
			}
			this.#root.append(card);
		}

		/** Only ever from the reader's click: the frame loads now, and focus follows the reader into it. */
		#start(request: EmbedRequest): void {
			const frame = doc.createElement('iframe');
			frame.src = embedUrl(scriptUrl, request);
			frame.title = request.title;
			frame.setAttribute('allow', 'fullscreen');
			frame.setAttribute('loading', 'lazy');
			frame.style.width = '100%';
			frame.style.height = `${request.height}px`;
			frame.style.border = '0';
			frame.style.display = 'block';
			if (this.id) {
				frame.id = this.id;
			}
			if (this.className) {
				frame.className = this.className;
			}
			this.replaceWith(frame);
			frame.focus();
		}
	}

	function paragraph(className: string, text: string): HTMLParagraphElement {
		const p = doc.createElement('p');
		p.className = className;
		p.textContent = text;
		return p;
	}

	win.customElements.define(TAG, TrafficLabElement);
}

function styleSheet(win: Window & typeof globalThis): CSSStyleSheet | null {
	try {
		const sheet = new win.CSSStyleSheet();
		sheet.replaceSync(FACADE_CSS);
		return sheet;
	}
	catch {
		return null;
	}
}
