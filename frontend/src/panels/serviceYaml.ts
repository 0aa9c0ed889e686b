// The Service as YAML, as the server wrote it (snapshot, then every ServiceUpdated): the panel shows its lines and
// marks those that changed.

/** The YAML's lines as the panel shows them (no empty line after the last). */
export function yamlText(yaml: string): string {
	return yaml.replace(/\n+$/, '');
}

/** The indexes of lines in {@code next} that are not in {@code previous} (null: nothing to compare with). */
export function changedLines(previous: string | null, next: string): number[] {
	if (previous === null) {
		return [];
	}
	const before = new Set(previous.split('\n'));
	return next.split('\n').flatMap((line, index) => (before.has(line) ? [] : [index]));
}
