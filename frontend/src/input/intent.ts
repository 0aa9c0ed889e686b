// What the learner asked for on the canvas, with pointer or keyboard; the playground turns intents into commands.
import type { Point } from '../scene/layout';
import type { Item } from '../scene/view';

export type Intent =
	| { kind: 'focus'; item: Item }
	| { kind: 'select'; item: Item | null }
	| { kind: 'carry'; pod: string | null }
	| { kind: 'move'; pod: string; node: string }
	| { kind: 'delete'; pod: string }
	| { kind: 'menu'; node: string; at?: Point }
	| { kind: 'inspect'; connection: number }
	| { kind: 'toggle-policy' }
	/** Follow the next connection from this client (null: from any client). */
	| { kind: 'follow'; client: string | null }
	| { kind: 'cancel' }
	| { kind: 'none' };

/**
 * What a read-only watcher (a classroom room's student) may do of an intent: look, select and inspect, never change
 * the sandbox. Picking a pod up only selects it.
 */
export function watcherIntent(intent: Intent): Intent {
	switch (intent.kind) {
		case 'carry':
			return intent.pod === null ? { kind: 'select', item: null } : { kind: 'select', item: { kind: 'pod', name: intent.pod } };
		case 'move':
		case 'delete':
		case 'menu':
		case 'toggle-policy':
			return { kind: 'none' };
		default:
			return intent;
	}
}
