// Keeps the htmx controls showing the sandbox's state, whoever changed it (a keyboard shortcut, a preset, the other
// tab of compare mode): the policy, the LB model, replicas, client rate, speed, play/pause, the preset.
import type { LoadBalancerKind } from '../protocol/events';
import { currentReplicas, type Scene } from '../scene/scene';

function check(root: ParentNode, selector: string, value: string | null): void {
	root.querySelectorAll<HTMLInputElement>(`${selector} input[type="radio"]`).forEach((input) => {
		input.checked = input.value === value;
	});
}

function setValue(element: HTMLInputElement | HTMLSelectElement | null, value: string): void {
	if (element !== null && element.ownerDocument.activeElement !== element && element.value !== value) {
		element.value = value;
	}
}

/** The speed option closest to the sandbox's speed. */
export function closestOption(values: readonly number[], speed: number): number | null {
	let best: number | null = null;
	for (const value of values) {
		if (best === null || Math.abs(value - speed) < Math.abs(best - speed)) {
			best = value;
		}
	}
	return best;
}

export function syncControls(root: ParentNode, scene: Scene): void {
	check(root, '[data-control="policy"]', scene.service.externalTrafficPolicy);
	check(root, '[data-control="lb-model"]', scene.loadBalancer);
	// the even/weighted knob only shows where it tunes the load balancer's spreading
	root.querySelector<HTMLElement>('[data-control="lb-model"]')?.toggleAttribute('hidden', !scene.spreadKnob);
	setValue(root.querySelector<HTMLSelectElement>('[data-control="lb-kind"]'), scene.loadBalancerKind);
	setValue(root.querySelector<HTMLSelectElement>('[data-control="dataplane"]'), scene.dataplane);
	setValue(root.querySelector<HTMLSelectElement>('[data-control="network"]'), scene.network);
	setValue(root.querySelector<HTMLInputElement>('[data-control="replicas"]'), String(currentReplicas(scene)));
	const rate = root.querySelector<HTMLInputElement>('[data-control="rate"]');
	setValue(rate, String(Math.round(scene.connectionsPerSecond)));
	const output = root.querySelector('[data-control="rate-value"]');
	if (output !== null && rate !== null) {
		output.textContent = `${rate.value}/s`;
	}
	const speed = root.querySelector<HTMLSelectElement>('[data-control="speed"]');
	if (speed !== null) {
		const best = closestOption(Array.from(speed.options).map((option) => Number(option.value)), scene.speed);
		setValue(speed, best === null ? speed.value : String(best));
	}
	root.querySelector('[data-control="play"]')?.setAttribute('aria-pressed', String(!scene.paused));
	root.querySelector('[data-control="pause"]')?.setAttribute('aria-pressed', String(scene.paused));
	const preset = root.querySelector<HTMLSelectElement>('[data-control="preset"]');
	if (preset !== null && scene.preset !== null) {
		setValue(preset, scene.preset);
	}
}

/** Whose manifests run when no preset does. */
export interface OwnManifests {
	title: string;
	description: string;
}

const LEARNER_MANIFESTS: OwnManifests = {
	title: 'Custom manifests',
	description: 'The manifests you applied, with a new random seed; Reset starts them over with that seed.',
};

/** The learner applied their own manifests: the cluster the page opened with (a shared link's) no longer runs. */
export function forgetStartingCluster(doc: Document): void {
	doc.querySelectorAll<HTMLElement>('.view-title-block[data-start-title]').forEach((block) => {
		delete block.dataset.startTitle;
		delete block.dataset.startDescription;
	});
}

/**
 * Shows the running preset's title and description above each canvas (or says whose manifests run). The presets are
 * the preset control's options, or a room page's catalog.
 */
export function showPreset(doc: Document, name: string | null, own: OwnManifests = LEARNER_MANIFESTS,
	loadBalancer: CurrentBalancer | null = null): void {
	const value = name === null ? null : CSS.escape(name);
	const option = value === null ? null : doc.querySelector<HTMLOptionElement>(
		`[data-control="preset"] option[value="${value}"], [data-preset-catalog] option[value="${value}"]`);
	// A page that starts the sandbox from its own cluster (a challenge) names it on [data-start-title]
	const start = doc.querySelector<HTMLElement>('[data-start-title]')?.dataset;
	const title = option === null ? start?.startTitle ?? own.title : option.textContent ?? '';
	const description = option === null ? start?.startDescription ?? own.description : option.dataset.description ?? '';
	doc.querySelectorAll('[data-preset-title]').forEach((element) => {
		element.textContent = title;
	});
	doc.querySelectorAll('[data-preset-description]').forEach((element) => {
		element.textContent = description;
	});
	showCaveat(doc, option, loadBalancer);
}

/**
 * A preset's description is about the load balancer the server names on its option ({@code data-described-behind});
 * behind another one its shares are not what the description says, so the page says which it describes.
 */
function showCaveat(doc: Document, option: HTMLOptionElement | null, current: CurrentBalancer | null): void {
	const described = option?.dataset.describedBehind;
	const differs = described !== undefined && current !== null && described !== current.kind;
	doc.querySelectorAll<HTMLElement>('[data-preset-caveat]').forEach((element) => {
		element.hidden = !differs;
		element.textContent = differs
			? `This description is for ${option?.dataset.describedBehindLabel ?? described}. Behind ${current.name}, `
				+ 'shares and client addresses can differ: the panels below show what happens there.'
			: '';
	});
}

/** The load balancer the sandbox runs behind, as the server named it. */
export interface CurrentBalancer {
	kind: LoadBalancerKind;
	name: string;
}

/** After a switch to a preset, the manifests box shows the preset's manifests (from the page's templates). */
export function fillManifests(root: ParentNode, preset: string): void {
	const source = root.querySelector<HTMLTemplateElement>(`template[data-preset-manifests="${CSS.escape(preset)}"]`);
	const box = root.querySelector<HTMLTextAreaElement>('[data-control="manifests"]');
	if (source !== null && box !== null) {
		box.value = source.content.textContent ?? source.textContent ?? '';
	}
}
