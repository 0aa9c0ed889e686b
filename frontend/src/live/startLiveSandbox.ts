// Wires the live sandbox page: reads where to connect from the page's data attributes, starts the stream, renders.
import { presenceOf } from '../stream/presence';
import { SandboxStream } from '../stream/sandboxStream';
import { streamUrl } from '../stream/streamUrl';
import { installCommandErrors } from './commandErrors';
import { LiveView } from './liveView';

export function startLiveSandbox(root: HTMLElement, location: Location): SandboxStream {
	const data = root.dataset;
	const view = new LiveView(root);
	installCommandErrors(root);
	const stream = new SandboxStream(
		{
			brokerURL: streamUrl(location, data.endpoint ?? '/ws', { sandbox: data.sandboxId ?? '' }),
			eventsTopic: data.eventsTopic ?? '',
			statsTopic: data.statsTopic ?? '',
			snapshotDestination: data.snapshotDestination ?? '',
			presence: async () => presenceOf(await fetch(`${data.api ?? ''}/snapshot`)),
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
