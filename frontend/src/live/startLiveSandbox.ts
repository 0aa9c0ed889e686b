// Wires the live sandbox page: reads where to connect from the page's data attributes, starts the stream, renders.
import { SandboxStream } from '../stream/sandboxStream';
import { installCommandErrors } from './commandErrors';
import { LiveView } from './liveView';

export function webSocketUrl(location: Location, path: string): string {
	const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
	return `${scheme}//${location.host}${path}`;
}

export function startLiveSandbox(root: HTMLElement, location: Location): SandboxStream {
	const data = root.dataset;
	const view = new LiveView(root);
	installCommandErrors(root);
	const stream = new SandboxStream(
		{
			brokerURL: webSocketUrl(location, data.endpoint ?? '/ws'),
			eventsTopic: data.eventsTopic ?? '',
			statsTopic: data.statsTopic ?? '',
			snapshotDestination: data.snapshotDestination ?? '',
			sandboxExists: async () => (await fetch(`${data.api ?? ''}/snapshot`)).status !== 404,
		},
		{
			snapshot: (snapshot) => view.snapshot(snapshot),
			batch: (batch) => view.batch(batch),
			statistics: (message) => view.statistics(message),
			status: (text) => view.status(text),
		},
	);
	stream.start();
	return stream;
}
