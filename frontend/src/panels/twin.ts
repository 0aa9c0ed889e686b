// The canvas as text and tables: everything it draws, with the same actions as buttons, for screen readers and
// keyboards. Rows update in place, so the focus stays on the button or menu the learner is using.
import { analysedLoadBalancer, noneHealthyText } from '../scene/balancer';
import { answerText, podStateText, verdictText } from '../scene/labels';
import type { Scene } from '../scene/scene';
import { h, setText, syncKeyed } from './dom';
import { unprobedVerdict } from './health';

/** The AWS NLB's spreading with cross-zone load balancing off, its default. */
export const PER_ZONE = 'per zone (cross-zone load balancing is off: each zone with a passing target gets an equal share, '
	+ 'split evenly over that zone’s passing targets)';

/** How the LB spreads, as the server's analysis says (cross-zone load balancing and R18's weights applied). */
export function spreading(scene: Pick<Scene, 'statistics'>): string {
	switch (analysedLoadBalancer(scene)?.spread) {
		case 'per-zone':
			return PER_ZONE;
		case 'even-over-targets':
			return 'evenly';
		case 'ecmp-per-node':
			return 'evenly per advertising node (the router’s ECMP)';
		case 'one-announcing-node':
			return 'all to the one node that answers ARP';
		case 'weighted-by-header':
			return 'in proportion to each node’s Ready local endpoints (X-Load-Balancing-Endpoint-Weight)';
		case undefined:
			return '(as the server reports once its first statistics arrive)';
	}
}

/** What the load balancer does with new connections, as the server reported it. */
function balancing(scene: Scene, vip: string): string {
	if (scene.loadBalancerKind === 'metallb-l2') {
		// MetalLB in layer-2 mode does not probe: one node answers ARP for the IP and takes everything
		return scene.announcingNode === null
			? `MetalLB (layer 2) probes nothing, and no node answers ARP for ${vip} now, so new connections go nowhere. `
			: `MetalLB (layer 2) probes nothing: ${scene.announcingNode} answers ARP for ${vip} and takes every new `
				+ 'connection. ';
	}
	if (scene.loadBalancerKind === 'metallb-bgp') {
		return scene.advertisingNodes.length === 0
			? `MetalLB (BGP) probes nothing, and no node advertises a route to ${vip} now, so new connections go nowhere. `
			: `MetalLB (BGP) probes nothing: the router spreads new connections ${spreading(scene)} over the nodes that `
				+ `advertise a route to ${vip}: ${scene.advertisingNodes.join(', ')}. `;
	}
	const analysis = analysedLoadBalancer(scene);
	if (analysis?.probe?.target === 'pod-port') {
		// ip targets: the LB registers and probes the pods, and no node is a target
		return `${scene.loadBalancerName} sends new connections straight to the pods’ IPs, ${spreading(scene)}, over the `
			+ 'pods that pass its health check; no node is a target, so kube-proxy’s externalTrafficPolicy does not apply. ';
	}
	const passing = scene.nodes.filter((node) => node.verdict === 'healthy').map((node) => node.name);
	const whenNone = analysis?.whenNoneHealthy;
	const none = whenNone === undefined ? 'none' : `none, so ${noneHealthyText(whenNone)}`;
	return `${scene.loadBalancerName} spreads new connections ${spreading(scene)} `
		+ `over the nodes that pass its health check: ${passing.length === 0 ? none : passing.join(', ')}. `;
}

export function twinSummary(scene: Scene): string {
	const service = scene.service;
	const vip = scene.loadBalancerHostname ?? service.loadBalancerIps[0] ?? 'no address yet';
	const packets = scene.flights.filter((flight) => flight.kind === 'packet').length;
	const probes = scene.flights.filter((flight) => flight.kind === 'probe').length;
	return `Service ${service.namespace}/${service.name} (${service.type} ${vip}:${service.ports[0]?.port ?? 80}), `
		+ `externalTrafficPolicy ${service.externalTrafficPolicy ?? 'unset'}. `
		+ balancing(scene, vip)
		+ `Clients ${scene.clientIps.join(', ')} open ${scene.connectionsPerSecond} connections per simulated second. `
		+ `On the canvas now: ${packets} connection${packets === 1 ? '' : 's'} and ${probes} probe${probes === 1 ? '' : 's'}`
		+ `${scene.unanimated > 0 ? ` (${scene.unanimated} more were too many to animate)` : ''}.`;
}

/** kube-proxy's endpoint sets in full, the one external traffic uses first. */
export function endpointSets(local: string[] | null | undefined, cluster: string[] | null | undefined,
	policy: string | null): string {
	const list = (ips: string[]) => (ips.length === 0 ? 'empty' : ips.join(', '));
	const parts: string[] = [];
	if (policy === 'Local' && local != null) {
		parts.push(`Local set (external traffic): ${list(local)}`);
	}
	if (cluster != null) {
		parts.push(`Cluster set${policy === 'Local' ? '' : ' (external traffic)'}: ${list(cluster)}`);
	}
	return parts.length === 0 ? 'not synced yet' : parts.join('; ');
}

function actionButton(doc: Document, label: string, command: string, target: Record<string, string>): HTMLElement {
	const attributes: Record<string, string> = { type: 'button', class: 'button button--small', 'data-command': command, text: label };
	for (const [key, value] of Object.entries(target)) {
		attributes[`data-${key}`] = value;
	}
	return h(doc, 'button', attributes);
}

function renderNodes(body: Element, scene: Scene, actions: boolean): void {
	const doc = body.ownerDocument;
	const policy = scene.service.externalTrafficPolicy;
	syncKeyed(body, scene.nodes, (node) => node.name, (node) => h(doc, 'tr', {},
		h(doc, 'th', { scope: 'row' }, h(doc, 'span', { class: 'node-name', text: node.name }), h(doc, 'span', { class: 'node-ip' })),
		h(doc, 'td', { class: 'twin-health', 'data-label': 'Health check' }),
		h(doc, 'td', { class: 'twin-verdict', 'data-label': 'Load balancer' }),
		h(doc, 'td', { class: 'twin-proxy', 'data-label': 'kube-proxy' }),
		h(doc, 'td', { class: 'twin-pods', 'data-label': 'Pods' }),
		h(doc, 'td', { class: 'twin-actions', 'data-label': 'Actions' }, ...(actions ? [
			actionButton(doc, 'Cordon', 'cordon', { node: node.name }),
			actionButton(doc, 'Drain', 'drain', { node: node.name }),
			actionButton(doc, 'Kill', 'kill', { node: node.name }),
			actionButton(doc, 'Remove', 'remove-node', { node: node.name })] : [])),
	), (row, node) => {
		setText(row.querySelector('.node-ip'), node.gone ? `${node.internalIp} (gone)` : node.internalIp);
		// the server leaves probeTarget empty on a node nothing probes (no cloud LB, or MetalLB, which announces)
		const probed = node.probeTarget !== '';
		setText(row.querySelector('.twin-health'), probed ? `${answerText(node.probeStatus, node.probeAnswer)} ${node.probeTarget}` : 'not probed');
		setText(row.querySelector('.twin-verdict'), probed ? verdictText(node) : unprobedVerdict(scene, node));
		setText(row.querySelector('.twin-proxy'), endpointSets(node.localEndpoints, node.clusterEndpoints, policy));
		const pods = scene.pods.filter((pod) => pod.node === node.name);
		setText(row.querySelector('.twin-pods'), pods.length === 0 ? 'none' : pods.map((pod) => `${pod.name} (${pod.status})`).join(', '));
		const cordon = row.querySelector<HTMLButtonElement>('[data-command="cordon"], [data-command="uncordon"]');
		if (cordon !== null) {
			cordon.dataset.command = node.cordoned ? 'uncordon' : 'cordon';
			setText(cordon, node.cordoned ? 'Uncordon' : 'Cordon');
		}
		row.querySelectorAll<HTMLButtonElement>('button').forEach((button) => {
			button.disabled = node.gone;
			button.setAttribute('aria-label', `${button.textContent ?? ''} ${node.name}`);
		});
	});
}

function nodeOptions(select: HTMLSelectElement, scene: Scene, current: string | null): void {
	const names = scene.nodes.filter((node) => !node.gone).map((node) => node.name);
	const wanted = names.join(',');
	if (select.dataset.options !== wanted) {
		const chosen = select.value;
		select.replaceChildren(...names.map((name) => {
			const option = select.ownerDocument.createElement('option');
			option.value = name;
			option.textContent = name === current ? `${name} (now)` : name;
			return option;
		}));
		select.dataset.options = wanted;
		select.value = names.includes(chosen) ? chosen : names.find((name) => name !== current) ?? names[0] ?? '';
	}
}

function renderPods(body: Element, scene: Scene, actions: boolean): void {
	const doc = body.ownerDocument;
	syncKeyed(body, scene.pods, (pod) => pod.name, (pod) => {
		const select = h(doc, 'select', { class: 'twin-move-to', 'aria-label': `Node to move ${pod.name} to` });
		return h(doc, 'tr', {},
			h(doc, 'th', { scope: 'row', class: 'mono', text: pod.name }),
			h(doc, 'td', { class: 'twin-node', 'data-label': 'Node' }),
			h(doc, 'td', { class: 'twin-ip mono', 'data-label': 'IP' }),
			h(doc, 'td', { class: 'twin-state', 'data-label': 'State' }),
			h(doc, 'td', { class: 'twin-actions', 'data-label': 'Actions' }, ...(actions ? [
				h(doc, 'span', { class: 'move-group' }, select,
					actionButton(doc, 'Move', 'move', { pod: pod.name })),
				actionButton(doc, 'Delete', 'delete-pod', { pod: pod.name })] : [])),
		);
	}, (row, pod) => {
		setText(row.querySelector('.twin-node'), pod.node ?? 'pending');
		setText(row.querySelector('.twin-ip'), pod.ip ?? '—');
		setText(row.querySelector('.twin-state'), podStateText(pod));
		const select = row.querySelector<HTMLSelectElement>('select');
		if (select !== null) {
			nodeOptions(select, scene, pod.node);
		}
		row.querySelectorAll<HTMLButtonElement>('button').forEach((button) => {
			button.disabled = pod.status === 'terminating';
			button.setAttribute('aria-label', `${button.textContent ?? ''} ${pod.name}`);
		});
	});
}

/** The picture as tables; {@code actions} false leaves out the buttons that change the sandbox (a room's students). */
export function renderTwin(root: HTMLElement, scene: Scene, actions = true): void {
	setText(root.querySelector('[data-twin-summary]'), twinSummary(scene));
	const nodes = root.querySelector('[data-twin="nodes"] tbody');
	const pods = root.querySelector('[data-twin="pods"] tbody');
	if (nodes !== null) {
		renderNodes(nodes, scene, actions);
	}
	if (pods !== null) {
		renderPods(pods, scene, actions);
	}
}
