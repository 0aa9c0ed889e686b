// Lets people switch the → markers for TAB characters in health-check bodies on and off; the choice is remembered.

export const HIDE_CLASS = 'hide-whitespace';

const STORAGE_KEY = 'trafficlab.markTabs';

/** Markers are shown unless the person turned them off before. */
export function markTabsFromStored(value: string | null): boolean {
	return value !== 'false';
}

export interface StorageLike {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
}

export function installWhitespaceToggle(doc: Document, storage: StorageLike | undefined): void {
	let markTabs = markTabsFromStored(safeGet(storage));
	const apply = (): void => {
		doc.documentElement.classList.toggle(HIDE_CLASS, !markTabs);
		doc.querySelectorAll<HTMLLabelElement>('label[data-whitespace-toggle]').forEach((label) => {
			label.hidden = false;
			const checkbox = label.querySelector<HTMLInputElement>('input[type="checkbox"]');
			if (checkbox) {
				checkbox.checked = markTabs;
			}
		});
	};
	apply();
	doc.addEventListener('change', (event) => {
		const input = event.target as HTMLInputElement | null;
		if (!input?.closest('label[data-whitespace-toggle]')) {
			return;
		}
		markTabs = input.checked;
		try {
			storage?.setItem(STORAGE_KEY, String(markTabs));
		}
		catch {
			// Storage may be unavailable (private mode); the toggle still works for this page.
		}
		apply();
	});
	doc.addEventListener('htmx:afterSettle', apply);
}

function safeGet(storage: StorageLike | undefined): string | null {
	try {
		return storage?.getItem(STORAGE_KEY) ?? null;
	}
	catch {
		return null;
	}
}
