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
	| { kind: 'cancel' }
	| { kind: 'none' };
